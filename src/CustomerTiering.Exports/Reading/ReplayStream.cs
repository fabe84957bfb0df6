namespace CustomerTiering.Exports.Reading;

/// <summary>A stream that first replays bytes already read from another stream, then continues with it.</summary>
internal sealed class ReplayStream(byte[] prefix, Stream rest) : ForwardOnlyStream(rest)
{
    private int _offset;

    public override int Read(Span<byte> buffer) => _offset < prefix.Length ? Replay(buffer) : Inner.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _offset < prefix.Length ? ValueTask.FromResult(Replay(buffer.Span)) : Inner.ReadAsync(buffer, cancellationToken);

    private int Replay(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, prefix.Length - _offset);
        prefix.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }
}
