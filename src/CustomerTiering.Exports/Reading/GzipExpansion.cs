using System.IO.Compression;

namespace CustomerTiering.Exports.Reading;

/// <summary>
/// A .gz expanded as it is read. Corruption can be anywhere in the file, not only in the first bytes the format is told
/// from: wherever a read finds it, the file is rejected rather than the ingestion failing on an unexpected error.
/// </summary>
internal sealed class GzipExpansion(Stream compressed) : ForwardOnlyStream(new GZipStream(compressed, CompressionMode.Decompress))
{
    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Inner.Read(buffer);
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
            return await Inner.ReadAsync(buffer, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
    }

    private static ExportRejectedException Corrupt(InvalidDataException ex) => new("The .gz file is corrupt: " + ex.Message);
}
