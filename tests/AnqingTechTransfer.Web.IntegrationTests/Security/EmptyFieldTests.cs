using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>Fields posted empty arrive as null: every form answers with its Chinese messages, never with a 500.</summary>
public class EmptyFieldTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/account/password", "/account/password", "CurrentPassword,NewPassword,ConfirmPassword")]
    [InlineData("/contracts/new", "/contracts/new", "RegistrationPointId,ProjectName,SellerCountryCode,BuyerCountryCode,SellerName,Intent")]
    [InlineData("/enterprises/high-tech/new", "/enterprises/high-tech/new", "Number,IssuedOn,FieldCode")]
    [InlineData("/admin/users/new", "/admin/users/new", "UserName,DisplayName,OrganizationCreditCode")]
    public async Task Empty_fields_get_messages_not_errors(string url, string tokenFrom, string fields)
    {
        var client = await fx.As("ent.a");
        var response = await client.PostFormAsync(url, fields.Split(',').ToDictionary(f => f, _ => string.Empty), tokenFrom);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll(".field-validation-error, .validation-summary-errors").Should().NotBeEmpty();
    }

    [Fact]
    public async Task An_empty_registration_form_gets_messages_not_errors()
    {
        var fields = new[] { "Kind", "OrganizationName", "CreditCode", "RegionCode", "ContactName", "ContactPhone", "UserName", "DisplayName", "Password", "ConfirmPassword" };
        var response = await fx.Anonymous().PostMultipartAsync("/account/register", fields.ToDictionary(f => f, _ => string.Empty), null, "/account/register");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=RegionCode]")!.TextContent.Should().Contain("请选择");
    }
}
