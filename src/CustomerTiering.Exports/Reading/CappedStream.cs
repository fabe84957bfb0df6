namespace CustomerTiering.Exports.Reading;

/// <summary>A read-only stream that refuses to deliver more than a given number of bytes: the guard against gzip bombs.</summary>
internal sealed class CappedStream(Stream inner, long cap, string what) : ForwardOnlyStream
{
    private long _read;

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count(read);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Count(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Count(int read)
    {
        _read += read;
        if (_read > cap)
        {
            throw new ExportRejectedException($"{what} is larger than {cap / (1024 * 1024):N0} MB.");
        }
    }
}
