using AnqingTechTransfer.Web.IntegrationTests.Authorization;
using static AnqingTechTransfer.Web.IntegrationTests.Shared.FormWordingTests;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>
/// Issue 25 §5 for the forms that open on a record (edits, a change request): the same check as
/// <see cref="FormWordingTests"/> — posted empty, the form comes back with every message naming its field in the words of
/// its label and the summary listing them all — on the matrix's records (each class has its own database).
/// </summary>
public class RecordFormWordingTests(MatrixFixture fx) : IClassFixture<MatrixFixture>
{
    public static TheoryData<string> Forms() => [.. RecordForms.Keys];

    /// <summary>The form's name → who opens it, where (from the matrix's ids), the form's id and its submit button.</summary>
    private static readonly Dictionary<string, (string User, Func<MatrixIds, string> Url, string FormId, string? Submitter)> RecordForms = new()
    {
        ["contract-edit"] = ("ent.a", ids => $"/contracts/{ids.DraftContract}/edit", "contract-form", "#submit-contract-btn"),
        ["contract-change"] = ("ent.a", ids => $"/contracts/{ids.RegisteredContract}/change", "change-form", null),
        ["registration-point-edit"] = ("bureau", ids => $"/registration-points/{ids.CityPoint}/edit", "point-form", null),
        ["cultivation-edit"] = ("county.huaining", ids => $"/enterprises/cultivation/{ids.HuainingCultivation}/edit", "cultivation-edit-form", null),
        ["expert-edit"] = ("expert.a", ids => $"/experts/{ids.ExpertA}/edit", "expert-edit-form", null),
        ["programme-edit"] = ("bureau", ids => $"/projects/programmes/{ids.Programme}/edit", "programme-form", null),
        ["need-edit"] = ("ent.a", ids => $"/needs/{ids.PendingNeed}/edit", "need-form", null),
        ["scenario-edit"] = ("ent.a", ids => $"/scenarios/{ids.PendingScenario}/edit", "scenario-form", null),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_record_s_form_posted_empty_marks_each_field_with_its_label_s_words_and_lists_every_error_in_the_summary(string name)
    {
        var (user, url, formId, submitter) = RecordForms[name];
        await CheckEmptyPostAsync(await fx.As(user), new FormPage(user, url(fx.Ids), formId, submitter));
    }
}
