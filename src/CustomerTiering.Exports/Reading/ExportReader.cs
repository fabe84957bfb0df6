namespace CustomerTiering.Exports.Reading;

/// <summary>Opens an export for reading: undoes gzip (capped), tells CSV from JSON Lines from XLSX, and picks the text encoding.</summary>
public static class ExportReader
{
    private const int SampleBytes = 64 * 1024;

    public static IRowReader Open(Stream content, string name, ExportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(limits);
        var (head, stream) = Peek(content);
        if (IsBlank(head))
        {
            throw new ExportRejectedException("The file is empty.");
        }

        var format = FormatDetector.Detect(name, head);
        var gzipped = format == ExportFormat.CsvGzip;
        if (gzipped)
        {
            var expanded = new CappedStream(new GzipExpansion(stream), limits.MaxExpandedBytes, "The expanded .gz");
            var inner = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
            (head, stream) = Peek(expanded);
            if (IsBlank(head))
            {
                throw new ExportRejectedException("The .gz file expands to nothing: it is empty.");
            }

            format = FormatDetector.Detect(inner, head) is ExportFormat.JsonLines ? ExportFormat.JsonLines : ExportFormat.Csv;
        }

        if (format == ExportFormat.Xlsx)
        {
            return new XlsxRowReader(Seekable(stream, limits), limits);
        }

        var encoding = TextEncodingDetector.Detect(head, sampleIsWholeFile: head.Length < SampleBytes);
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var shape = new ExportShape(format, gzipped, encoding.WebName, format == ExportFormat.JsonLines ? null : ExportShape.DelimiterOf(FirstLine(head, encoding)));
        return format == ExportFormat.JsonLines ? new JsonLinesRowReader(text, limits, shape) : OpenCsv(text, limits, shape);
    }

    /// <summary>The header line as far as the sample holds it, for finding the delimiter.</summary>
    private static string FirstLine(byte[] head, System.Text.Encoding encoding)
    {
        var text = encoding.GetString(head).TrimStart('\uFEFF');
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static CsvRowReader OpenCsv(StreamReader text, ExportLimits limits, ExportShape shape)
    {
        // A BOM is read as a character: skip it, or the first header would start with U+FEFF.
        if (text.Peek() == '\uFEFF')
        {
            text.Read();
        }

        if (text.Peek() < 0)
        {
            throw new ExportRejectedException("The file is empty.");
        }

        return new CsvRowReader(text, limits, shape);
    }

    // Only whitespace in a whole (short) sample: an empty file in all but name.
    private static bool IsBlank(byte[] head) =>
        head.Length < SampleBytes && head.AsSpan().IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF]) < 0;

    /// <summary>Reads the first bytes and returns them with a stream that still starts at the beginning.</summary>
    private static (byte[] Head, Stream Stream) Peek(Stream stream)
    {
        var head = new byte[SampleBytes];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = stream.Read(head, filled, head.Length - filled)) > 0)
        {
            filled += read;
        }

        Array.Resize(ref head, filled);
        return (head, new ReplayStream(head, stream));
    }

    private static FileStream Seekable(Stream stream, ExportLimits limits)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            new CappedStream(stream, limits.MaxExpandedBytes, "The workbook").CopyTo(file);
            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
