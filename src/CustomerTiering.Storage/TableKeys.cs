using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace CustomerTiering.Storage;

/// <summary>
/// Keys for Table storage. Row keys may not hold '/', '\', '#', '?' or control characters, so those (and '%', and the '|'
/// that joins keys) are written as %XX, reversibly. Customers spread over a fixed number of partitions by a
/// stable hash of their id, so writes batch 100 to a partition and scans can read slices of the partitions in parallel
/// (<see cref="PartitionRange"/>).
/// </summary>
public static class TableKeys
{
    public const int Partitions = 256;

    public static string PartitionOf(string customerId) => PartitionName(PartitionIndexOf(customerId));

    /// <summary>The customer's partition as a number from 0 to <see cref="Partitions"/> − 1.</summary>
    public static int PartitionIndexOf(string customerId) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(customerId)) % Partitions);

    public static string PartitionName(int index) => "p" + index.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A row key that sorts newest first: <paramref name="prefix"/>, the time counted down from the latest possible, and
    /// a suffix that keeps two rows of one tick apart. An audit trail read in key order is newest first.
    /// </summary>
    public static string NewestFirst(string prefix, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Guid.NewGuid():N}");

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }
}
