using System.Net;
using AngleSharp.Html.Dom;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace AnqingTechTransfer.Web.IntegrationTests.Experts;

/// <summary>
/// Issue 23 §2 and §3: panels built from a programme's eligible applications (nothing retyped); the seated expert reads the
/// application and its file (watermarked with their name) after the 承诺书, nobody else outside it does, and the applicant
/// never sees who reviews; a relation the expert declares after the draw replaces them from the reserves by itself and tells
/// the bureau.
/// </summary>
public class PanelFromApplicationTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static byte[] RealPdf()
    {
        using var document = new PdfDocument();
        document.AddPage();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>An open programme with an eligible application of each named organization; the first one's file uploaded by its user.</summary>
    private async Task<(Guid Programme, Guid[] Applications)> EligibleAsync(string name, byte[]? file, (string Org, string User, string Title)[] applicants,
        IReadOnlyList<PartnerUnit>? partners = null, IReadOnlyList<AvoidRequest>? avoid = null)
    {
        var (programme, ids) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var call = Call.Draft(2027, name + "指南", now);
            var p = call.AddProgramme(new ProgrammeTerms(name, FundingMode.Crowdsourcing, 500m, now.AddDays(-5), now.AddDays(10), 1, 2, true, [], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            var created = new List<Guid>();
            foreach (var (org, _, title) in applicants)
            {
                var o = await db.Organizations.SingleAsync(x => x.Name == org);
                var a = ProjectApplication.Draft(p, o.Id, o.Name, o.CreditCode, o.RegionCode, true, null, now);
                a.Edit(title, title + "：以连续流工艺替代间歇釜式工艺，收率提高15%。", [new BudgetLine("设备费", 40, 60), new BudgetLine("材料费", 10, 20)],
                    [new Milestone("中试", DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), "中试报告")], [], [new TeamMember("吕工", "KEY-LV-" + title)], partners, avoid);
                db.ProjectApplications.Add(a);
                created.Add(a.Id);
            }

            await db.SaveChangesAsync();
            return (p.Id, created.ToArray());
        });
        if (file is not null)
        {
            var user = await fx.As(applicants[0].User);
            await user.PostMultipartAsync($"/projects/applications/{ids[0]}/attachments", new() { ["kind"] = "其他材料" }, ("file", "技术方案.pdf", file),
                $"/projects/applications/{ids[0]}");
        }

        await fx.WithDbAsync(async (db, _) =>
        {
            var terms = await db.Programmes.Where(x => x.Id == programme).Select(x => x.Terms).SingleAsync();
            foreach (var a in await db.ProjectApplications.Where(a => ids.Contains(a.Id)).ToListAsync())
            {
                a.Submit(terms, fx.Clock.GetUtcNow());
                a.Recommend(true, null);
                a.RecordFormalCheck([]);
            }

            await db.SaveChangesAsync();
        });
        return (programme, ids);
    }

    /// <summary>Seats the given experts (in order, the first ones as members) through a draw restricted to them.</summary>
    private Task SeatAsync(Guid panel, int members, params Guid[] experts) => fx.WithDbAsync(async (db, _) =>
    {
        var p = await db.ReviewPanels.Include(x => x.Members).SingleAsync(x => x.Id == panel);
        var pool = await db.Experts.Where(e => experts.Contains(e.Id)).ToListAsync();
        var candidates = experts.Select((id, i) => pool.Single(e => e.Id == id)).Select((e, i) => new Candidate(e.Id, "EMPLOYER-" + i, ["01"], ExpertTypes.Technical, true, 100, true)).ToList();
        // The draw's order is its seed's; members first means: draw the members from the first ones, reserves from the rest.
        var seated = ExpertDraw.Run(7, new DrawCriteria(["01"], ExpertTypes.None, members, 0, 5, 0, 0, p.ReviewDate), candidates.Take(members).ToList(), []);
        var record = seated with { Result = seated.Result with { Reserves = experts.Skip(members).ToList() } };
        p.RecordDraw(record, pool.ToDictionary(e => e.Id, e => e.UserId), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    });

    private Task<Guid> ExpertOfAsync(string user) => fx.WithDbAsync((db, _) =>
        (from u in db.Users where u.UserName == user join e in db.Experts on (Guid?)u.Id equals e.UserId select e.Id).SingleAsync());

    private Task<Guid> SeatOfAsync(Guid panel, Guid expert) =>
        fx.WithDbAsync((db, _) => db.PanelMembers.Where(m => m.PanelId == panel && m.ExpertId == expert).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task The_bureau_builds_panels_from_the_eligible_applications_and_the_seated_expert_reads_the_application_and_its_file_with_their_name_on_it()
    {
        var pdf = RealPdf();
        var (programme, apps) = await EligibleAsync("评审材料测试专项", pdf, [("安庆华宁新材料科技有限公司", "ent.a", "连续流合成工艺"), ("潜山舒源生物医药有限公司", "ent.b", "酶法转化工艺")]);
        var bureau = await fx.As("bureau");
        (await bureau.GetPageAsync($"/projects/programmes/{programme}/ranking")).QuerySelector("#build-panels")!.TextContent.Should().Contain("2 项");

        await bureau.PostFormAsync($"/projects/programmes/{programme}/panels", [], $"/projects/programmes/{programme}/ranking");
        var (applications, panels) = await fx.WithDbAsync(async (db, _) => (
            await db.ProjectApplications.AsNoTracking().Where(a => apps.Contains(a.Id)).ToListAsync(),
            await db.ReviewPanels.AsNoTracking().Where(p => p.ApplicationId != null && apps.Contains(p.ApplicationId.Value)).ToListAsync()));
        panels.Should().HaveCount(2, "one panel for each eligible application");
        foreach (var app in applications)
        {
            var panel = panels.Single(p => p.Id == app.PanelId);
            panel.ApplicationId.Should().Be(app.Id);
            panel.Subject.ApplicantCreditCode.Should().Be(app.ApplicantCreditCode, "the subject is taken from the application, not retyped");
            panel.Subject.Team.Should().BeEquivalentTo(app.Team);
        }

        var ranking = await bureau.GetPageAsync($"/projects/programmes/{programme}/ranking");
        ranking.QuerySelector("#pending-table")!.TextContent.Should().Contain("连续流合成工艺").And.Contain("酶法转化工艺").And.Contain("待抽取专家");
        ranking.QuerySelector("#build-panels").Should().BeNull("every eligible application has its panel");
        await bureau.PostFormAsync($"/projects/programmes/{programme}/panels", [], $"/projects/programmes/{programme}/ranking");
        (await bureau.GetPageAsync($"/projects/programmes/{programme}/ranking")).QuerySelector(".alert-danger, [role=alert]")!.TextContent.Should().Contain("没有待组建评审组的申报书");

        // expert.a (chief) and expert.b sit on the first application's panel.
        var first = applications.Single(a => a.Id == apps[0]);
        var (a, b) = (await ExpertOfAsync("expert.a"), await ExpertOfAsync("expert.b"));
        await SeatAsync(first.PanelId!.Value, 2, a, b);
        var (seatA, seatB) = (await SeatOfAsync(first.PanelId.Value, a), await SeatOfAsync(first.PanelId.Value, b));
        await bureau.PostFormAsync($"/panels/{first.PanelId}/chief", new() { ["memberId"] = seatA.ToString() }, $"/panels/{first.PanelId}");
        var file = await fx.WithDbAsync((db, _) => db.Attachments.Where(x => x.OwnerId == first.Id).Select(x => x.Id).SingleAsync());

        // Before the declaration and the 承诺书 the expert sees no material, and cannot fetch the file.
        var expertA = await fx.As("expert.a");
        var before = await expertA.GetPageAsync($"/reviews/{seatA}");
        before.QuerySelector("#review-materials").Should().BeNull();
        before.QuerySelector("#materials-locked").Should().NotBeNull();
        (await expertA.GetAsync($"/attachments/{file}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await expertA.PostFormAsync($"/reviews/{seatA}/declare", new() { ["conflict"] = "false" }, $"/reviews/{seatA}");
        await expertA.PostFormAsync($"/reviews/{seatA}/commit", new() { ["agree"] = "true" }, $"/reviews/{seatA}");
        var page = await expertA.GetPageAsync($"/reviews/{seatA}");
        var materials = page.QuerySelector("#review-materials")!.TextContent;
        materials.Should().Contain("连续流合成工艺").And.Contain("收率提高15%").And.Contain("中试报告").And.Contain("吕工").And.Contain("技术方案.pdf");
        page.QuerySelector("#materials-budget tfoot")!.TextContent.Should().Contain("50").And.Contain("80");
        page.QuerySelector(".review-watermark")!.TextContent.Should().Contain("卫教授").And.Contain("评审专用");

        // The download is a stamped copy: a PDF of the same pages, not the stored bytes; the audit row names the stamp.
        var download = await expertA.GetAsync($"/attachments/{file}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var stamped = await download.Content.ReadAsByteArrayAsync();
        stamped.Should().NotEqual(pdf);
        using (var read = PdfReader.Open(new MemoryStream(stamped), PdfDocumentOpenMode.Import))
        {
            read.PageCount.Should().Be(1);
        }

        (await fx.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().Where(x => x.Action == "下载附件" && x.EntityId == file.ToString()).Select(x => x.Details).ToListAsync()))
            .Should().Contain(d => d!.Contains("评审专用 · 卫教授"));

        // The applicant gets its own file as stored; expert.b, seated but not yet committed, reads nothing; nor does another enterprise.
        (await (await (await fx.As("ent.a")).GetAsync($"/attachments/{file}")).Content.ReadAsByteArrayAsync()).Should().Equal(pdf);
        var expertB = await fx.As("expert.b");
        (await expertB.GetAsync($"/attachments/{file}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await expertB.GetAsync($"/projects/applications/{first.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fx.As("ent.b")).GetAsync($"/attachments/{file}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Both score, the chief writes the opinion and closes; the bureau records the result from the programme's board.
        await expertB.PostFormAsync($"/reviews/{seatB}/declare", new() { ["conflict"] = "false" }, $"/reviews/{seatB}");
        await expertB.PostFormAsync($"/reviews/{seatB}/commit", new() { ["agree"] = "true" }, $"/reviews/{seatB}");
        var rubric = panels.Single(p => p.Id == first.PanelId).Rubric;
        foreach (var (client, seat) in new[] { (expertA, seatA), (expertB, seatB) })
        {
            var scores = rubric.Select((r, i) => new KeyValuePair<string, string>($"scores[{i}]", (r.MaxScore * 0.8m).ToString("0.#"))).ToDictionary();
            scores["comment"] = "技术路线可行";
            await client.PostFormAsync($"/reviews/{seat}/score", scores, $"/reviews/{seat}");
        }

        await expertA.PostFormAsync($"/reviews/{seatA}/opinion", new() { ["opinion"] = "工艺成熟，建议立项" }, $"/reviews/{seatA}");
        await expertA.PostFormAsync($"/reviews/{seatA}/close", [], $"/reviews/{seatA}");
        (await bureau.GetPageAsync($"/projects/programmes/{programme}/ranking")).QuerySelector("#pending-table")!.TextContent.Should().Contain("评审已结束");
        await bureau.PostFormAsync($"/projects/applications/{first.Id}/score", [], $"/projects/programmes/{programme}/ranking");
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(x => x.Id == first.Id))).Score.Should().Be(80m);

        // The applicant never sees who reviewed: not on the panel, not on its application.
        var names = await fx.WithDbAsync((db, _) => db.Experts.AsNoTracking().Where(e => e.Id == a || e.Id == b).Select(e => e.Name).ToListAsync());
        var applicant = await fx.As("ent.a");
        foreach (var url in new[] { $"/projects/applications/{first.Id}", $"/panels/{first.PanelId}" })
        {
            var response = await applicant.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            foreach (var name in names)
            {
                text.Should().NotContain(name, $"{url} must not name a reviewer before publicity");
            }
        }
    }

    [Fact]
    public async Task A_relation_the_expert_declares_after_the_draw_replaces_them_from_the_reserves_and_tells_the_bureau()
    {
        var (_, apps) = await EligibleAsync("事后回避自动递补专项", null, [("安庆华宁新材料科技有限公司", "ent.a", "膜分离工艺")]);
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync($"/projects/applications/{apps[0]}/panel", [], $"/projects/applications/{apps[0]}");
        var panel = await fx.WithDbAsync((db, _) => db.ProjectApplications.Where(x => x.Id == apps[0]).Select(x => x.PanelId!.Value).SingleAsync());
        var expertA = await ExpertOfAsync("expert.a");
        var reserve = await fx.WithDbAsync((db, _) => db.Experts.Where(e => e.UserId == null && e.Status == ExpertStatus.Active).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        await SeatAsync(panel, 1, expertA, reserve);

        // expert.a declares, on their own profile page, a shareholding in the applicant.
        var client = await fx.As("expert.a");
        var form = await client.GetPageAsync($"/experts/{expertA}/edit");
        var code = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Name == "安庆华宁新材料科技有限公司").Select(o => o.CreditCode).SingleAsync());
        var fields = FormPairs(form, "#expert-edit-form").Where(f => f.Key != "Relations").Append(("Relations", $"持股,安庆华宁新材料科技有限公司,{code},持股1%")).ToArray();
        (await client.PostPairsAsync($"/experts/{expertA}/edit", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var members = await fx.WithDbAsync((db, _) => db.PanelMembers.AsNoTracking().Where(m => m.PanelId == panel).ToListAsync());
        var left = members.Single(m => m.ExpertId == expertA);
        left.State.Should().Be(MemberState.ConflictDeclared, "the conflict found after the draw takes the expert off by itself");
        left.Note.Should().Contain("经济利益");
        members.Single(m => m.ExpertId == reserve).Role.Should().Be(MemberRole.Member, "the reserve takes the seat");

        var creator = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().Where(p => p.Id == panel).Select(p => p.CreatedByUserId).SingleAsync());
        var told = await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == creator && n.Title == "评审专家事后回避").ToListAsync());
        told.Should().ContainSingle().Which.Body.Should().Contain("膜分离工艺").And.Contain("已由备选专家按顺序递补");
        (await client.GetAsync($"/projects/applications/{apps[0]}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an expert who left reads nothing of it");
    }

    [Fact]
    public async Task A_contract_registered_after_the_draw_between_the_applicant_and_an_experts_employer_replaces_the_expert()
    {
        // The expert works at a unit that has never contracted with the applicant (华宁新材料): no conflict at the draw.
        var unit = ("安庆江北新材料研究所", Domain.Organizations.CreditCode.Complete("12340800MB1X77770"));
        var (expert, reserve) = await fx.WithDbAsync(async (db, _) =>
        {
            var all = await db.Experts.Where(e => e.Status == ExpertStatus.Active && e.UserId == null).OrderByDescending(e => e.Id).Take(2).ToListAsync();
            all[0].Update(all[0].Profile with { EmployerName = unit.Item1, EmployerCreditCode = unit.Item2 }, [], all[0].Blackouts);
            await db.SaveChangesAsync();
            return (all[0].Id, all[1].Id);
        });
        var (_, apps) = await EligibleAsync("合同触发回避专项", null, [("安庆华宁新材料科技有限公司", "ent.a", "阻燃材料改性")]);
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync($"/projects/applications/{apps[0]}/panel", [], $"/projects/applications/{apps[0]}");
        var panel = await fx.WithDbAsync((db, _) => db.ProjectApplications.Where(x => x.Id == apps[0]).Select(x => x.PanelId!.Value).SingleAsync());
        await SeatAsync(panel, 1, expert, reserve);

        // 华宁新材料 files a contract with the expert's unit, and the registrar registers it.
        var form = await Contracts.ContractFilingForms.CompleteAsync(fx, "江北研究所委托开发");
        (form["BuyerName"], form["BuyerCreditCode"], form["BuyerDivisionCode"], form["BuyerNatureCode"]) = (unit.Item1, unit.Item2, "340803", "110");
        var filer = await fx.As("ent.a");
        var filed = await filer.PostMultipartAsync("/contracts/new", form, ("ContractTextFiles", "合同文本.pdf", Contracts.ContractFilingForms.Pdf), "/contracts/new");
        filed.StatusCode.Should().Be(HttpStatusCode.Redirect, await filed.Content.ReadAsStringAsync());
        var registrar = await fx.As("registrar.city");
        foreach (var step in new[] { "accept", "review", "approve" })
        {
            var contract = await Contracts.ContractFilingForms.LoadAsync(fx, "江北研究所委托开发");
            (await Contracts.ContractFilingForms.ActAsync(registrar, contract, step)).StatusCode.Should().Be(HttpStatusCode.Redirect, step);
        }

        (await Contracts.ContractFilingForms.LoadAsync(fx, "江北研究所委托开发")).Status.Should().Be(Domain.Contracts.ContractStatus.Registered);
        var members = await fx.WithDbAsync((db, _) => db.PanelMembers.AsNoTracking().Where(m => m.PanelId == panel).ToListAsync());
        members.Single(m => m.ExpertId == expert).State.Should().Be(MemberState.ConflictDeclared, "the new registration binds the expert's unit to the applicant");
        members.Single(m => m.ExpertId == expert).Note.Should().Contain("技术合同登记");
        members.Single(m => m.ExpertId == reserve).Role.Should().Be(MemberRole.Member);
    }

    [Fact]
    public async Task The_partners_and_the_avoidance_requests_of_the_application_exclude_experts_at_the_draw_of_its_panel()
    {
        // Two demo experts: one works at the partner the application names, the other is named in its avoidance requests.
        var partner = new PartnerUnit("安庆龙山化工研究所", Domain.Organizations.CreditCode.Complete("12340800MB1X66660"));
        var (atPartner, avoided) = await fx.WithDbAsync(async (db, _) =>
        {
            var two = await db.Experts.Where(e => e.Status == ExpertStatus.Active && e.UserId == null).OrderBy(e => e.Id).Skip(3).Take(2).ToListAsync();
            two[0].Update(two[0].Profile with { EmployerName = partner.Name, EmployerCreditCode = partner.CreditCode }, [], two[0].Blackouts);
            await db.SaveChangesAsync();
            return (two[0], two[1]);
        });
        var (_, apps) = await EligibleAsync("合作单位与申请回避专项", null, [("安庆华宁新材料科技有限公司", "ent.a", "高纯电子化学品")], [partner],
            [new AvoidRequest(avoided.Name, avoided.Profile.EmployerName, "曾公开质疑本单位技术路线")]);
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync($"/projects/applications/{apps[0]}/panel", [], $"/projects/applications/{apps[0]}");
        var panel = await fx.WithDbAsync((db, _) => db.ProjectApplications.Where(x => x.Id == apps[0]).Select(x => x.PanelId!.Value).SingleAsync());
        var subject = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().Where(p => p.Id == panel).Select(p => p.Subject).SingleAsync());
        subject.PartnerCreditCodes.Should().Contain(partner.CreditCode);
        subject.Avoid.Should().ContainSingle().Which.ExpertName.Should().Be(avoided.Name);

        var content = new List<KeyValuePair<string, string>>
        {
            new("Count", "1"), new("Reserves", "0"), new("PerEmployerCap", "25"), new("MinOutside", "0"), new("MinCredit", "0"),
            new("__RequestVerificationToken", await bureau.TokenAsync($"/panels/{panel}")),
        };
        content.AddRange(atPartner.Profile.FieldCodes.Concat(avoided.Profile.FieldCodes).Distinct().Select(f => new KeyValuePair<string, string>("FieldCodes", f)));
        (await bureau.Http.PostAsync($"/panels/{panel}/draw", new FormUrlEncodedContent(content))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var draw = (await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == panel))).Draw!;
        draw.Result.Selected.Should().NotContain([atPartner.Id, avoided.Id]);
        draw.Conflicts.Should().Contain(c => c.ExpertId == atPartner.Id && c.Rule == ConflictRule.SameEntity, "the expert works at a partner of the application");
        draw.Conflicts.Should().Contain(c => c.ExpertId == avoided.Id && c.Rule == ConflictRule.ApplicantRequest && c.Evidence.Contains("曾公开质疑"));
    }

    /// <summary>The named form's fields as the browser would post them (checked boxes only, selected options), without its token.</summary>
    private static IEnumerable<(string Key, string Value)> FormPairs(AngleSharp.Html.Dom.IHtmlDocument page, string selector)
    {
        var form = (IHtmlFormElement)page.QuerySelector(selector)!;
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name && name != "__RequestVerificationToken":
                    if (input.Type is "checkbox" or "radio" ? input.IsChecked : input.Type is not ("submit" or "button" or "file"))
                    {
                        yield return (name, input.Value);
                    }

                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 }:
                    yield return (area.Name!, area.Value);
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 }:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        yield return (select.Name!, option.Value);
                    }

                    break;
            }
        }
    }
}
