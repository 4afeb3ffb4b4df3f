using System.Text.RegularExpressions;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Supervision;

/// <summary>
/// The catalog against the plan's own text (docs/plan/action-plan.txt, the seed without its trailing advert): every group of
/// sentences the plan closes with its lead units in brackets has its measure(s), in the plan's words, with exactly those units.
/// </summary>
public partial class PlanTextTests
{
    private static string PlanPath => Path.Combine(Repository.Root(), "docs", "plan", "action-plan.txt");

    /// <summary>The plan's punctuation is half-width in places: compare with full-width commas, brackets and semicolons, no line breaks.</summary>
    private static string Normalize(string text) => text.Replace("\r", "").Replace("\n", "").Replace(",", "，").Replace("(", "（").Replace(")", "）")
        .Replace(";", "；").Replace(":", "：").Replace(" ", "");

    [GeneratedRegex(@"（([^（）]*?)(牵头|负责)）")]
    private static partial Regex LeadBracket();

    private static List<(string Text, string Units)> Groups()
    {
        var text = Normalize(File.ReadAllText(PlanPath));
        var groups = new List<(string, string)>();
        var previous = 0;
        foreach (Match m in LeadBracket().Matches(text))
        {
            groups.Add((text[previous..m.Index], m.Groups[1].Value));
            previous = m.Index + m.Length;
        }

        return groups;
    }

    /// <summary>A bracket's units: the counties-and-parks phrase is one unit, the others are separated by commas.</summary>
    private static List<string> Units(string bracket)
    {
        const string counties = "各县市区政府，安庆经开区管委会、安庆高新区管委会";
        var units = new List<string>();
        if (bracket.Contains(counties, StringComparison.Ordinal))
        {
            units.Add(counties);
            bracket = bracket.Replace(counties, "");
        }

        units.AddRange(bracket.Split('，', StringSplitOptions.RemoveEmptyEntries));
        return units;
    }

    private static bool Names(MeasureLead lead, string unit)
    {
        var display = Normalize(lead.Display);
        return display == unit || display.StartsWith(unit + "（", StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_text_in_the_repository_is_the_seed_without_its_advert()
    {
        var plan = File.ReadAllText(PlanPath);
        plan.Should().StartWith("安庆市深化科技创新体制机制改革加快科技成果转化应用体系建设行动方案").And.Contain("有效期至2025年12月31日").And.NotContain("商标注册");
        var seed = Path.Combine(Repository.Root(), "..", "shared", "seed", "000_8787991b331d3431.txt");
        if (File.Exists(seed))
        {
            // Where the original seed is at hand (the project's workspace; a clean clone has only the copy), the copy is word for word.
            var lines = File.ReadAllLines(seed);
            plan.TrimEnd('\n').Should().Be(string.Join("\n", lines[..^1]));
        }
    }

    [Fact]
    public void Every_sentence_ending_in_its_lead_units_in_brackets_has_its_measure_with_those_units()
    {
        var groups = Groups();
        groups.Should().HaveCount(47, "the plan closes 47 groups of sentences with their lead units");
        var found = new HashSet<int>();
        foreach (var (text, bracket) in groups)
        {
            var measures = PlanMeasureCatalog.All.Where(m => text.Contains(Normalize(m.Content), StringComparison.Ordinal)).ToList();
            measures.Should().NotBeEmpty($"the plan's sentences “…{text[^Math.Min(40, text.Length)..]}”（{bracket}） have a measure");
            var units = Units(bracket);
            foreach (var measure in measures)
            {
                measure.Leads.Should().HaveCount(units.Count, $"measure {measure.Number} is led by the units the plan names: {bracket}");
                units.Should().OnlyContain(u => measure.Leads.Any(l => Names(l, u)), $"measure {measure.Number} is led by {bracket}");
                found.Add(measure.Number).Should().BeTrue($"measure {measure.Number} stands under one bracket only");
            }
        }

        found.Should().BeEquivalentTo(PlanMeasureCatalog.All.Select(m => m.Number), "every measure of the catalog is the plan's own words");
    }

    [Fact]
    public void The_measures_the_first_table_left_out_are_in_the_catalog_with_their_leads()
    {
        string LeadsOf(string words) => string.Join("；", PlanMeasureCatalog.All.Single(m => m.Content.Contains(words, StringComparison.Ordinal)).Leads.Select(l => l.Display));
        LeadsOf("参与省资助大学生创新创业计划").Should().Be("市财政局");
        LeadsOf("壮大早期投资的基金丛林").Should().Be("市地方金融监管局");
        LeadsOf("市县两级成立科技成果转化工作领导小组").Should().Be("市科技局；各县市区政府，安庆经开区管委会、安庆高新区管委会");
        LeadsOf("科技成果转化政策督查").Should().Be("市科技局");
        LeadsOf("新模式和典型案例的宣传").Should().Be("市科技局");
        LeadsOf("引进知名高校院所或国内头部技术转移机构").Should().Be("各县市区政府，安庆经开区管委会、安庆高新区管委会");
        PlanMeasureCatalog.All.Select(m => m.Number).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Enumerable.Range(1, 49));
    }
}
