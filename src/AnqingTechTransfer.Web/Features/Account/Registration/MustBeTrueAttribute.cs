using System.ComponentModel.DataAnnotations;

namespace AnqingTechTransfer.Web.Features.Account.Registration;

/// <summary>
/// A box that must be ticked. (RangeAttribute over bool converts the posted text itself and throws on anything that is not
/// "true"/"false"; the form fuzz test found it.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeTrueAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is true;
}
