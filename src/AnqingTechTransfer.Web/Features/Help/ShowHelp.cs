using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Help;

/// <summary>/help: the user guide rendered, with the roles' sections for the table of contents at the top.</summary>
public sealed record HelpPage(string Html, IReadOnlyList<HelpSection> Roles);

public sealed class ShowHelpHandler(UserGuide guide) : IUseCase
{
    public HelpPage Handle(string imageBase) => new(guide.Html(imageBase), HelpSections.Roles);
}
