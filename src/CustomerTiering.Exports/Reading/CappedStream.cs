namespace CustomerTiering.Exports.Reading;

/// <summary>A read-only stream that refuses to deliver more than a given number of bytes: the guard against gzip bombs.</summary>
internal sealed class CappedStream(Stream inner, long cap, string what) : ForwardOnlyStream(inner)
{
    private long _read;

    public override int Read(Span<byte> buffer) => Count(Inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await Inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        _read += read;
        if (_read > cap)
        {
            throw new ExportRejectedException($"{what} is larger than {cap / (1024 * 1024):N0} MB.");
        }

        return read;
    }
}
