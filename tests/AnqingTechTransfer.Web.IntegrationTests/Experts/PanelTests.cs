using System.Net;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Experts;

public class PanelTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static readonly string Normal = Domain.Organizations.CreditCode.Complete("12340800MB1234561"); // 安庆师范大学, employer of demo experts

    private async Task<Guid> NewPanelAsync(string title, string applicantCode, string applicantName = "安庆师范大学")
    {
        var bureau = await fx.As("bureau");
        var response = await bureau.PostFormAsync("/panels/new", new()
        {
            ["Title"] = title, ["SubjectKind"] = "项目申报", ["ApplicantName"] = applicantName, ["ApplicantCreditCode"] = applicantCode,
            ["Rubric"] = "技术先进性,60\n实施方案,40", ["Aggregation"] = "Mean", ["ChiefWeight"] = "0.4", ["ReviewDate"] = "2026-12-20",
        }, "/panels/new");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await fx.WithDbAsync((db, _) => db.ReviewPanels.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
    }

    private async Task DrawAsync(Guid panel, int count, int reserves, string fields = "01")
    {
        var bureau = await fx.As("bureau");
        var form = new Dictionary<string, string> { ["Count"] = count.ToString(), ["Reserves"] = reserves.ToString(), ["PerEmployerCap"] = "25", ["MinOutside"] = "0", ["MinCredit"] = "0" };
        var content = new List<KeyValuePair<string, string>>(form) { new("FieldCodes", fields), new("__RequestVerificationToken", await bureau.TokenAsync($"/panels/{panel}")) };
        (await bureau.Http.PostAsync($"/panels/{panel}/draw", new FormUrlEncodedContent(content))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_conflicted_expert_is_never_drawn_and_the_exclusion_names_the_rule()
    {
        // Every active expert in field 01 is drawn, except those employed by the applicant itself.
        var panel = await NewPanelAsync("回避测试：申报单位为安庆师范大学", Normal);
        var eligible = await fx.WithDbAsync(async (db, _) => (await db.Experts.AsNoTracking().Where(e => e.Status == ExpertStatus.Active).ToListAsync())
            .Where(e => e.Profile.FieldCodes.Contains("01")).ToList());
        var conflicted = eligible.Where(e => e.Profile.EmployerCreditCode == Normal).Select(e => e.Id).ToList();
        conflicted.Should().NotBeEmpty();
        await DrawAsync(panel, eligible.Count - conflicted.Count, 0);

        var stored = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == panel));
        stored.Members.Select(m => m.ExpertId).Should().NotIntersectWith(conflicted);
        stored.Draw!.Result.Exclusions.Where(x => conflicted.Contains(x.ExpertId)).Should().OnlyContain(x => x.Reason.Contains("同一法人单位"));
    }

    /// <summary>Issue 25 §1: each expert drawn with a portal account is told personally, once; a reserve is told it may be called.</summary>
    [Fact]
    public async Task The_experts_drawn_are_told_personally_members_and_reserves_apart()
    {
        // The field of an expert with a portal account, and every active expert of it drawn (one as a reserve when there are two or more).
        var (field, pool) = await fx.WithDbAsync(async (db, _) =>
        {
            var active = await db.Experts.AsNoTracking().Where(e => e.Status == ExpertStatus.Active).ToListAsync();
            var withAccount = active.Where(e => e.UserId != null).OrderBy(e => e.Id).First();
            var code = withAccount.Profile.FieldCodes[0];
            return (code, active.Count(e => e.Profile.FieldCodes.Contains(code)));
        });
        // An applicant no expert is related to, so that nobody of the field is excluded.
        var panel = await NewPanelAsync("抽取通知测试", Domain.Organizations.CreditCode.Complete("91340800MA2N09990"), "通知测试申报有限公司");
        await DrawAsync(panel, Math.Max(1, pool - 1), pool > 1 ? 1 : 0, field);
        var (members, told) = await fx.WithDbAsync(async (db, _) =>
        {
            var stored = await db.ReviewPanels.AsNoTracking().Include(p => p.Members).SingleAsync(p => p.Id == panel);
            var links = stored.Members.Select(m => $"/reviews/{m.Id}").ToList();
            var messages = await db.Notifications.AsNoTracking().Where(n => n.Link != null && links.Contains(n.Link)).ToListAsync();
            return (stored.Members.ToList(), messages);
        });
        var withAccounts = members.Where(m => m.ExpertUserId is not null).ToList();
        withAccounts.Should().NotBeEmpty("the demo pool has experts with accounts");
        told.Should().HaveCount(withAccounts.Count, "one message per drawn expert with an account, none to anybody else");
        foreach (var member in withAccounts)
        {
            var message = told.Single(n => n.Link == $"/reviews/{member.Id}");
            message.RecipientUserId.Should().Be(member.ExpertUserId!.Value);
            message.Title.Should().Be(member.Role == MemberRole.Member ? "您被抽取为评审专家" : "您被抽取为备选评审专家");
            message.Kind.Should().Be(Domain.Messaging.MessageKind.Reviews);
        }
    }

    [Fact]
    public async Task A_draw_replays_identically_from_its_audit_row_and_insert_only_snapshot()
    {
        var panel = await NewPanelAsync("复核测试", Domain.Organizations.CreditCode.Complete("91340822MA2N00501"), "安庆华宁新材料科技有限公司");
        await DrawAsync(panel, 3, 2);
        var stored = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == panel));
        var audit = await fx.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "抽取专家" && a.EntityId == panel.ToString()));
        var snapshot = await fx.WithDbAsync((db, _) => db.DrawSnapshots.AsNoTracking().SingleAsync(s => s.PanelId == panel));
        audit.Details.Should().Contain($"种子 {stored.Draw!.Seed}").And.Contain(string.Join(",", stored.Draw.Result.Selected)).And.Contain($"快照SM3 {snapshot.Hash}")
            .And.Contain("\"count\":3");
        var log = DrawLog.Parse(audit.Details)!;
        log.Rule.Should().BeEquivalentTo(stored.Draw.Criteria);

        // The replay reads the log and the snapshot, not the panel's column: blank the column's result and it still says 一致.
        var bureau = await fx.As("bureau");
        (await bureau.GetPageAsync($"/panels/{panel}")).QuerySelector("#replay-btn")!.GetAttribute("href").Should().Be($"/panels/{panel}/replay");
        await fx.WithDbAsync(async (db, _) => (await db.Database.ExecuteSqlAsync($"UPDATE review_panels SET draw = jsonb_set(draw, '{{result,selected}}', '[]') WHERE id = {panel}")).Should().Be(1));
        var page = await bureau.GetPageAsync($"/panels/{panel}/replay");
        page.QuerySelector("#replay-verdict")!.TextContent.Should().Contain("一致").And.NotContain("不一致");
        page.QuerySelector("#recorded-hash")!.TextContent.Should().Be(snapshot.Hash);
        page.QuerySelectorAll("#replay-table tbody tr").Should().HaveCount(5).And.OnlyContain(r => r.TextContent.Contains("相同"));

        // The snapshot is insert-only: the database refuses to change it.
        var refused = await fx.WithDbAsync(async (db, _) =>
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"UPDATE draw_snapshots SET content = content WHERE panel_id = {panel}");
                return false;
            }
            catch (Npgsql.PostgresException e)
            {
                return e.MessageText.Contains("insert-only");
            }
        });
        refused.Should().BeTrue();
    }

    [Fact]
    public async Task A_tampered_snapshot_replays_as_inconsistent_and_names_the_mismatch()
    {
        var panel = await NewPanelAsync("复核篡改测试", Domain.Organizations.CreditCode.Complete("91340822MA2N00501"), "安庆华宁新材料科技有限公司");
        await DrawAsync(panel, 3, 1);
        // An attacker with superuser rights switches the trigger off and lowers one candidate's credit in the snapshot.
        await fx.WithDbAsync(async (db, _) =>
        {
            await db.Database.ExecuteSqlAsync($"ALTER TABLE draw_snapshots DISABLE TRIGGER draw_snapshots_no_change");
            var changed = await db.Database.ExecuteSqlAsync(
                $"UPDATE draw_snapshots SET content = regexp_replace(content, '\"credit\":[0-9]+', '\"credit\":1') WHERE panel_id = {panel}");
            await db.Database.ExecuteSqlAsync($"ALTER TABLE draw_snapshots ENABLE TRIGGER draw_snapshots_no_change");
            changed.Should().Be(1);
        });

        var page = await (await fx.As("bureau")).GetPageAsync($"/panels/{panel}/replay");
        var verdict = page.QuerySelector("#replay-verdict")!.TextContent;
        verdict.Should().Contain("不一致").And.Contain("快照与审计记录不符");
        page.QuerySelector("#actual-hash")!.TextContent.Should().NotBe(page.QuerySelector("#recorded-hash")!.TextContent);
    }

    [Fact]
    public async Task Before_publicity_the_applicant_and_a_recused_official_find_no_names_and_after_it_they_may()
    {
        var entA = await fx.WithDbAsync((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司"));
        var panel = await NewPanelAsync("保密测试", entA.CreditCode, entA.Name);
        await DrawAsync(panel, 3, 1);
        var seated = await fx.WithDbAsync(async (db, _) =>
        {
            var ids = await db.PanelMembers.Where(m => m.PanelId == panel).Select(m => m.ExpertId).ToListAsync();
            return await db.Experts.Where(e => ids.Contains(e.Id)).Select(e => e.Name).ToListAsync();
        });

        // A second bureau official, who recuses from this panel.
        var official = await fx.WithDbAsync(async (db, sp) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.PortalUser>>();
            var bureauOrg = await db.Users.Where(u => u.UserName == "bureau").Select(u => u.OrganizationId).SingleAsync();
            var user = new Data.PortalUser { UserName = "bureau.recused", DisplayName = "回避科员", OrganizationId = bureauOrg, PasswordChangedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, "Recused#2026x")).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, "Bureau");
            return user.UserName;
        });
        var recused = await fx.SignInAsync(official, "Recused#2026x");
        var before = await recused.GetAsync($"/panels/{panel}");
        (await before.Content.ReadAsStringAsync()).Should().ContainAny(seated, "before recusing, the official sees the panel");
        await recused.PostFormAsync($"/panels/{panel}/recuse", [], $"/panels/{panel}");

        var pages = new List<string>();
        foreach (var url in new[] { $"/panels/{panel}", "/panels", $"/panels/{panel}/export" })
        {
            var response = await recused.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            pages.Add(url.EndsWith("export", StringComparison.Ordinal) ? ExcelText(await response.Content.ReadAsByteArrayAsync()) : await response.Content.ReadAsStringAsync());
        }

        foreach (var name in seated)
        {
            pages.Should().NotContain(p => p.Contains(name), $"{name} sits on the panel and the official is recused");
        }

        var applicant = await fx.As("ent.a");
        foreach (var url in new[] { $"/panels/{panel}", "/panels", $"/panels/{panel}/export", "/experts", "/reviews" })
        {
            var response = await applicant.GetAsync(url);
            ((int)response.StatusCode).Should().BeOneOf([403, 404], url);
            (await response.Content.ReadAsStringAsync()).Should().NotContainAny(seated);
        }

        // An expert on the panel sees their own seat only, not the other names.
        var seatOfA = await fx.WithDbAsync(async (db, _) =>
        {
            var a = await db.Users.Where(u => u.UserName == "expert.a").Select(u => u.Id).SingleAsync();
            return await db.PanelMembers.Where(m => m.PanelId == panel && m.ExpertUserId == a).Select(m => (Guid?)m.Id).SingleOrDefaultAsync();
        });
        if (seatOfA is { } seat)
        {
            var own = await (await fx.As("expert.a")).GetAsync($"/reviews/{seat}");
            var html = await own.Content.ReadAsStringAsync();
            seated.Where(n => n != "卫明远").Should().OnlyContain(n => !html.Contains(n));
        }

        // After publicity the recused official may see who reviewed.
        await fx.WithDbAsync(async (db, _) =>
        {
            var p = await db.ReviewPanels.SingleAsync(x => x.Id == panel);
            typeof(ReviewPanel).GetProperty(nameof(ReviewPanel.Status))!.SetValue(p, PanelStatus.Published);
            await db.SaveChangesAsync();
        });
        (await (await recused.GetAsync($"/panels/{panel}")).Content.ReadAsStringAsync()).Should().Contain(seated[0]);
    }

    private static string ExcelText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return string.Join("|", MiniExcelLibs.MiniExcel.Query(stream).Cast<IDictionary<string, object>>().SelectMany(r => r.Values).Select(v => v?.ToString()));
    }

    [Fact]
    public async Task Experts_declare_commit_and_score_the_chief_writes_the_opinion_and_closes_and_a_no_show_is_replaced_and_recorded()
    {
        var panel = await NewPanelAsync("流程测试", Domain.Organizations.CreditCode.Complete("91340822MA2N00501"), "安庆华宁新材料科技有限公司");
        // Seat expert.a as chief and expert.b as member through a draw restricted to them.
        await fx.WithDbAsync(async (db, _) =>
        {
            var p = await db.ReviewPanels.Include(x => x.Members).SingleAsync(x => x.Id == panel);
            var experts = await db.Experts.Where(e => e.UserId != null).ToListAsync();
            var pool = experts.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode, ["01"], ExpertTypes.Technical, true, 100, true)).ToList();
            var others = await db.Experts.Where(e => e.UserId == null && e.Status == ExpertStatus.Active).Take(1).ToListAsync();
            pool.AddRange(others.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode + "R", ["01"], ExpertTypes.Technical, true, 100, true)));
            var record = ExpertDraw.Run(11, new DrawCriteria(["01"], ExpertTypes.None, 3, 0, 5, 0, 0, p.ReviewDate), pool, []);
            p.RecordDraw(record, experts.Concat(others).ToDictionary(e => e.Id, e => e.UserId), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
        var seats = await fx.WithDbAsync(async (db, _) =>
        {
            var users = await db.Users.Where(u => u.UserName == "expert.a" || u.UserName == "expert.b").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            var members = await db.PanelMembers.Where(m => m.PanelId == panel).ToListAsync();
            return (A: members.Single(m => m.ExpertUserId == users["expert.a"]).Id, B: members.Single(m => m.ExpertUserId == users["expert.b"]).Id,
                Other: members.Single(m => m.ExpertUserId == null).Id);
        });
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync($"/panels/{panel}/chief", new() { ["memberId"] = seats.A.ToString() }, $"/panels/{panel}");
        await bureau.PostFormAsync($"/panels/{panel}/members/{seats.Other}/no-show", [], $"/panels/{panel}");
        var otherExpert = await fx.WithDbAsync((db, _) => db.PanelMembers.Where(m => m.Id == seats.Other).Select(m => m.ExpertId).SingleAsync());
        (await fx.WithDbAsync((db, _) => db.Set<IntegrityEvent>().CountAsync(e => e.ExpertId == otherExpert && e.Kind == IntegrityEventKind.NoShow))).Should().Be(1);

        foreach (var (user, seat) in new[] { ("expert.a", seats.A), ("expert.b", seats.B) })
        {
            var expert = await fx.As(user);
            await expert.PostFormAsync($"/reviews/{seat}/declare", new() { ["conflict"] = "false" }, $"/reviews/{seat}");
            var refused = await expert.PostFormAsync($"/reviews/{seat}/commit", new() { ["agree"] = "false" }, $"/reviews/{seat}");
            (await expert.GetPageAsync($"/reviews/{seat}")).QuerySelector(".alert-danger, [role=alert]")!.TextContent.Should().Contain("承诺书");
            await expert.PostFormAsync($"/reviews/{seat}/commit", new() { ["agree"] = "true" }, $"/reviews/{seat}");
            await expert.PostFormAsync($"/reviews/{seat}/score", new() { ["scores[0]"] = user == "expert.a" ? "50" : "40", ["scores[1]"] = "30", ["comment"] = "方案可行" }, $"/reviews/{seat}");
        }

        var chief = await fx.As("expert.a");
        await chief.PostFormAsync($"/reviews/{seats.A}/close", [], $"/reviews/{seats.A}");
        (await fx.WithDbAsync((db, _) => db.ReviewPanels.Where(p => p.Id == panel).Select(p => p.Status).SingleAsync())).Should().Be(PanelStatus.Drawn,
            "the chief's primary opinion comes first");
        await chief.PostFormAsync($"/reviews/{seats.A}/opinion", new() { ["opinion"] = "技术路线清晰，建议立项" }, $"/reviews/{seats.A}");
        await chief.PostFormAsync($"/reviews/{seats.A}/close", [], $"/reviews/{seats.A}");
        var closed = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == panel));
        closed.Status.Should().Be(PanelStatus.Closed);
        closed.Result.Should().Be(75m, "the mean of 80 and 70");

        (await (await fx.As("expert.b")).GetAsync($"/reviews/{seats.A}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another expert's seat does not exist for them");
    }
}

public class PanelConflictRecheckTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_relation_declared_after_the_draw_is_found_on_the_panel_and_the_expert_is_replaced_from_the_reserves()
    {
        var entA = await fx.WithDbAsync((db, _) => db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司"));
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync("/panels/new", new()
        {
            ["Title"] = "事后回避测试", ["SubjectKind"] = "项目申报", ["ApplicantName"] = entA.Name, ["ApplicantCreditCode"] = entA.CreditCode,
            ["Rubric"] = "综合,100", ["Aggregation"] = "Mean", ["ChiefWeight"] = "0.4", ["ReviewDate"] = "2026-12-20",
        }, "/panels/new");
        var panel = await fx.WithDbAsync((db, _) => db.ReviewPanels.Where(p => p.Title == "事后回避测试").Select(p => p.Id).SingleAsync());
        var content = new List<KeyValuePair<string, string>>
        {
            new("FieldCodes", "01"), new("FieldCodes", "04"), new("Count", "2"), new("Reserves", "2"), new("PerEmployerCap", "25"), new("MinOutside", "0"), new("MinCredit", "0"),
            new("__RequestVerificationToken", await bureau.TokenAsync($"/panels/{panel}")),
        };
        (await bureau.Http.PostAsync($"/panels/{panel}/draw", new FormUrlEncodedContent(content))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var seat = await fx.WithDbAsync((db, _) => db.PanelMembers.AsNoTracking().Where(m => m.PanelId == panel && m.Role == MemberRole.Member).OrderBy(m => m.Order).FirstAsync());

        // The seated expert now declares a shareholding in the applicant.
        await fx.WithDbAsync(async (db, _) =>
        {
            var expert = await db.Experts.SingleAsync(e => e.Id == seat.ExpertId);
            expert.Update(expert.Profile, [.. expert.Relations, new DeclaredRelation(RelationKind.Shareholding, entA.Name, entA.CreditCode, null, "持股1%")], expert.Blackouts);
            await db.SaveChangesAsync();
        });

        var page = await bureau.GetPageAsync($"/panels/{panel}");
        page.QuerySelector(".new-conflict")!.TextContent.Should().Contain("经济利益关系");
        await bureau.PostFormAsync($"/panels/{panel}/members/{seat.Id}/exclude", [], $"/panels/{panel}");
        var members = await fx.WithDbAsync((db, _) => db.PanelMembers.AsNoTracking().Where(m => m.PanelId == panel).OrderBy(m => m.Order).ToListAsync());
        members.Single(m => m.Id == seat.Id).State.Should().Be(MemberState.ConflictDeclared);
        members.Count(m => m.Role == MemberRole.Member && m.State != MemberState.ConflictDeclared).Should().Be(2, "a reserve took the place");
    }
}
