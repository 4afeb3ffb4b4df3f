using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>The pager of every list: it counts at most a thousand rows past the page shown, and never strands the user.</summary>
public class PagerTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static IQueryable<int> Numbers(PortalDbContext db, int count) =>
        db.Database.SqlQuery<int>($"SELECT n AS \"Value\" FROM generate_series(1, {count}) AS n").OrderBy(n => n);

    private Task<PagedList<int>> PageAsync(int rows, int page) =>
        fx.WithDbAsync((db, _) => Numbers(db, rows).ToPagedListAsync(page));

    [Fact]
    public async Task The_first_page_of_a_long_list_counts_a_thousand_and_says_there_are_more()
    {
        var first = await PageAsync(2_100, 1);
        first.Items.Should().Equal(Enumerable.Range(1, 20));
        first.Total.Should().Be(PagedListExtensions.CountCap);
        first.IsCapped.Should().BeTrue();
        first.PageCount.Should().Be(50);
    }

    [Fact]
    public async Task The_cap_moves_with_the_page_so_the_next_page_always_leads_on_until_the_real_end()
    {
        var fiftieth = await PageAsync(2_100, 50);
        fiftieth.Items[0].Should().Be(981);
        fiftieth.Total.Should().Be(49 * 20 + PagedListExtensions.CountCap);
        fiftieth.IsCapped.Should().BeTrue("there is more past the counted window");

        var last = await PageAsync(2_100, 105);
        last.Items.Should().Equal(Enumerable.Range(2_081, 20));
        last.Total.Should().Be(2_100, "near the end the count is exact");
        last.IsCapped.Should().BeFalse();
        last.PageCount.Should().Be(105);
    }

    [Fact]
    public async Task A_short_last_page_knows_the_total_and_a_page_past_the_end_shows_the_last_one()
    {
        var shortLast = await PageAsync(2_090, 105);
        shortLast.Items.Should().HaveCount(10);
        shortLast.Total.Should().Be(2_090);
        shortLast.IsCapped.Should().BeFalse();

        var pastTheEnd = await PageAsync(2_090, 999);
        pastTheEnd.Page.Should().Be(105, "a stale link lands on the last page rather than an empty one");
        pastTheEnd.Items.Should().HaveCount(10);

        var empty = await PageAsync(0, 3);
        empty.Items.Should().BeEmpty();
        empty.Total.Should().Be(0);
        empty.Page.Should().Be(1);
    }
}
