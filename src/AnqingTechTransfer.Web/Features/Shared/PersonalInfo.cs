namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>Unmasking personal numbers (PIPL): the audit action every unmasking writes, and what a reveal hands to its page.</summary>
public static class PersonalInfo
{
    public const string RevealAction = "查看个人信息";

    /// <summary>Numbers shown in full after an audited reveal; empty where none is on record.</summary>
    public sealed record Revealed(string IdNumber, string Mobile, string BankAccount);
}
