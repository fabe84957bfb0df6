using FsCheck.Xunit;
using Xunit;

namespace CustomerTiering.Storage.Tests;

public sealed class TableKeysTests
{
    [Property(MaxTest = 500)]
    public bool Escaping_round_trips_any_text(string? text) =>
        text is null || TableKeys.Unescape(TableKeys.Escape(text)) == text;

    [Property(MaxTest = 500)]
    public bool Escaped_keys_hold_none_of_the_characters_Table_storage_forbids(string? text) =>
        text is null || !TableKeys.Escape(text).Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    [Theory]
    [InlineData("C-001", "C-001")]
    [InlineData("a/b#c?d\\e", "a%2Fb%23c%3Fd%5Ce")]
    [InlineData("50%|x", "50%25%7Cx")]
    public void Awkward_characters_are_written_as_percent_codes(string text, string expected) =>
        Assert.Equal(expected, TableKeys.Escape(text));

    [Fact]
    public void A_customer_always_lands_in_the_same_one_of_256_partitions()
    {
        Assert.Equal(TableKeys.PartitionOf("C-001"), TableKeys.PartitionOf("C-001"));
        Assert.Equal(256, PartitionRange.All.Names.Distinct().Count());
        Assert.Contains(TableKeys.PartitionOf("客户-9"), PartitionRange.All.Names);
        var spread = Enumerable.Range(0, 10_000).Select(i => TableKeys.PartitionOf($"C{i}")).GroupBy(p => p).Select(g => g.Count()).ToList();
        Assert.Equal(256, spread.Count);
        Assert.True(spread.Max() < 80, "10 000 ids spread over all partitions without a hot one");
    }
}
