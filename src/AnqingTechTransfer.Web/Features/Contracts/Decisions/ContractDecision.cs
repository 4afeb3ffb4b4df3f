namespace AnqingTechTransfer.Web.Features.Contracts.Decisions;

/// <summary>The steps of a contract's workflow after filing, each one POST on the contract's page.</summary>
public enum ContractDecision
{
    Submit,
    Accept,
    Return,
    Review,
    Approve,
    SecondReview,
    Refuse,
    Cancel,
    DeclareIncome,
    ConfirmIncome,
}
