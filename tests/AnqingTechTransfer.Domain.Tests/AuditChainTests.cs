using System.Text;
using AnqingTechTransfer.Domain.Audit;

namespace AnqingTechTransfer.Domain.Tests;

public class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var rows = new List<AuditEntry>();
        string? previous = null;
        for (var i = 1; i <= count; i++)
        {
            var row = new AuditEntry(new DateTimeOffset(2026, 1, 1, 0, 0, i, TimeSpan.Zero), "登录", AuditOutcome.Success, Guid.NewGuid(), "user" + i,
                Guid.NewGuid(), "PortalUser", i.ToString(), "127.0.0.1", null);
            row.Chain(i, previous);
            previous = row.Hash;
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Sm3_matches_the_gbt_32905_test_vector() =>
        AuditChain.Sm3Hex(Encoding.ASCII.GetBytes("abc")).Should().Be("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");

    [Fact]
    public void An_intact_chain_verifies() => AuditChain.FirstBroken(Chain(5)).Should().BeNull();

    [Fact]
    public void A_changed_row_is_named()
    {
        var rows = Chain(5);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Outcome))!.SetValue(rows[2], AuditOutcome.Failure);
        AuditChain.FirstBroken(rows).Should().Be(3);
    }

    [Fact]
    public void A_deleted_row_breaks_the_chain_where_it_was()
    {
        var rows = Chain(5);
        rows.RemoveAt(1);
        AuditChain.FirstBroken(rows).Should().Be(3);
    }

    [Fact]
    public void A_verification_in_pages_continues_from_the_previous_page()
    {
        var rows = Chain(6);
        AuditChain.FirstBroken(rows.Take(3)).Should().BeNull();
        AuditChain.FirstBroken(rows.Skip(3), rows[2]).Should().BeNull();
        AuditChain.FirstBroken(rows.Skip(4), rows[2]).Should().Be(5);
    }

    [Fact]
    public void Timestamps_are_kept_to_the_microsecond_postgresql_stores()
    {
        var row = new AuditEntry(new DateTimeOffset(638_000_000_000_000_007, TimeSpan.Zero), "x", "y", null, null, null, null, null, null, null);
        (row.OccurredAt.UtcTicks % 10).Should().Be(0);
    }
}
