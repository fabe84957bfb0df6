namespace CustomerTiering.Exports.Reading;

/// <summary>A stream that first replays bytes already read from another stream, then continues with it.</summary>
internal sealed class ReplayStream(byte[] prefix, Stream rest) : ForwardOnlyStream
{
    private int _offset;

    public override int Read(Span<byte> buffer)
    {
        if (_offset < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _offset);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        return rest.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
