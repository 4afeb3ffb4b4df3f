using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AnqingTechTransfer.Web.Infrastructure;

public static class ChineseModelBindingMessages
{
    /// <summary>An empty value for a field that must have one; NamedFieldMessagesFilter names the field in it (请填写首席专家权重).</summary>
    public const string EmptyValue = "请填写此项";

    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
        p.SetMissingBindRequiredValueAccessor(field => $"请填写{field}");
        p.SetMissingKeyOrValueAccessor(() => "请填写此项");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”格式不正确");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
        p.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效");
        p.SetValueIsInvalidAccessor(value => $"“{value}”格式不正确");
        p.SetValueMustBeANumberAccessor(field => $"{field}必须是数字");
        p.SetValueMustNotBeNullAccessor(_ => EmptyValue);
    }
}
