using System.Globalization;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace AnqingTechTransfer.Domain.Audit;

/// <summary>The SM3 (GB/T 32905) hash chain over audit rows.</summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry e)
    {
        // Unit separators keep field boundaries unambiguous; every field that matters to an assessor is covered.
        var canonical = string.Join('\u001f',
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Action, e.Outcome,
            e.UserId?.ToString() ?? string.Empty, e.UserName ?? string.Empty,
            e.OrganizationId?.ToString() ?? string.Empty,
            e.EntityType ?? string.Empty, e.EntityId ?? string.Empty,
            e.ClientAddress ?? string.Empty, e.Details ?? string.Empty,
            e.PreviousHash);
        return Sm3Hex(Encoding.UTF8.GetBytes(canonical));
    }

    public static string Sm3Hex(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    /// <summary>
    /// Walks rows in id order and returns the id of the first row whose link or hash does not hold,
    /// or null when the whole chain is intact. <paramref name="previous"/> continues a walk done in pages.
    /// </summary>
    public static long? FirstBroken(IEnumerable<AuditEntry> rowsInIdOrder, AuditEntry? previous = null)
    {
        foreach (var row in rowsInIdOrder)
        {
            var expectedPrevious = previous?.Hash ?? Genesis;
            var expectedId = (previous?.Id ?? 0) + 1;
            if (row.Id != expectedId || row.PreviousHash != expectedPrevious || row.Hash != Compute(row))
            {
                return row.Id;
            }

            previous = row;
        }

        return null;
    }
}
