using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Experts.Panels;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

/// <summary>
/// 认定评审组: the bureau gives a recognition application an expert panel drawn from the pool with the panels module's own
/// draw (<see cref="DrawPanelHandler"/>: conflicts, seed, snapshot and audit as for any panel). The subject is the carrier's
/// host, with the nominating county or park as a partner, so the experts of the applicant's organization are excluded as
/// for a plan project. Creating, assigning and drawing happen in one transaction: a draw that cannot be made (too few
/// experts, no field chosen) leaves no panel behind and comes back as the filter's flash message. The answer is the carrier's id.
/// </summary>
public sealed class RecognitionPanelHandler(PortalDbContext db, ICurrentActor actor, CarrierPermissions permissions, DrawPanelHandler draw, TimeProvider clock)
    : IUseCase
{
    public static readonly IReadOnlyList<RubricItem> Rubric =
        [new RubricItem("建设条件与投入", 25), new RubricItem("研发与服务能力", 30), new RubricItem("运行机制与管理", 20), new RubricItem("运行成效与示范作用", 25)];

    public async Task<RecordResult<Guid>> HandleAsync(Guid applicationId, DrawForm form, uint version, CancellationToken ct)
    {
        var application = await db.RecognitionApplications.SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Decides)
        {
            return RecordResult<Guid>.Forbidden;
        }

        if (application.PanelId is not null)
        {
            throw new DomainException("该申请已组建评审组");
        }

        var carrier = await db.Carriers.AsNoTracking().SingleAsync(c => c.Id == application.CarrierId, ct);
        var applicant = await db.Organizations.AsNoTracking().Where(o => o.Id == application.OrganizationId).Select(o => o.CreditCode).SingleOrDefaultAsync(ct);
        var partners = applicant is { Length: > 0 } && applicant != carrier.HostCreditCode ? new[] { applicant } : [];
        var now = clock.GetUtcNow();
        var panel = ReviewPanel.Create($"载体认定评审：{carrier.Name}", "载体认定", new ReviewSubject(carrier.HostName, carrier.HostCreditCode, partners, [], []),
            carrier.OrganizationId == Guid.Empty ? null : carrier.OrganizationId, Rubric, Aggregation.TrimmedMean, 0.4m, Display.Today(clock).AddDays(14), actor.UserId, now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ReviewPanels.Add(panel);
        db.Entry(application).Property<uint>("Version").OriginalValue = version;
        application.AssignPanel(panel.Id);
        await db.SaveChangesAsync(ct);
        var drawn = await draw.HandleAsync(panel.Id, form, ct);
        if (drawn.Verdict != Verdict.Done)
        {
            return drawn;
        }

        await transaction.CommitAsync(ct);
        return RecordResult<Guid>.Done(application.CarrierId);
    }
}
