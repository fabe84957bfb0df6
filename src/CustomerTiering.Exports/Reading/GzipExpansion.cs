using System.IO.Compression;

namespace CustomerTiering.Exports.Reading;

/// <summary>
/// A .gz expanded as it is read. Corruption can be anywhere in the file, not only in the first bytes the format is told
/// from: wherever a read finds it, the file is rejected rather than the ingestion failing on an unexpected error.
/// </summary>
internal sealed class GzipExpansion(Stream compressed) : ForwardOnlyStream
{
    private readonly GZipStream _gzip = new(compressed, CompressionMode.Decompress);

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return _gzip.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _gzip.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ExportRejectedException Corrupt(InvalidDataException ex) => new("The .gz file is corrupt: " + ex.Message);
}
