namespace CustomerTiering.Storage.Runs;

/// <summary>Which of a run's shards have finished a phase, as a string of 0s and 1s: adding a shard twice changes nothing.</summary>
public readonly record struct ShardSet(string Mask)
{
    public static ShardSet Empty(int shards) => new(new string('0', shards));

    public int Count => Mask.Count(c => c == '1');

    public bool IsComplete => !Mask.Contains('0', StringComparison.Ordinal);

    public bool Contains(int shard) => Mask[shard] == '1';

    public ShardSet With(int shard) => Contains(shard) ? this : new(string.Concat(Mask.AsSpan(0, shard), "1", Mask.AsSpan(shard + 1)));

    public IEnumerable<int> Missing()
    {
        var mask = Mask;
        return Enumerable.Range(0, mask.Length).Where(k => mask[k] != '1');
    }

    public override string ToString() => Mask;
}
