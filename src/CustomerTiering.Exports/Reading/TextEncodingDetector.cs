using System.Text;

namespace CustomerTiering.Exports.Reading;

/// <summary>
/// Picks the text encoding of an export: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, UTF-8 if the
/// sample decodes as UTF-8, else GB18030 (what spreadsheet software in Chinese locales writes, a superset of GBK).
/// </summary>
public static class TextEncodingDetector
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 { get; } = GetGb18030();

    public static Encoding Detect(ReadOnlySpan<byte> sample, bool sampleIsWholeFile)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        if (sample.IndexOf((byte)0) >= 0)
        {
            throw new ExportRejectedException("The file holds NUL bytes: it is binary, or UTF-16 without a byte-order mark.");
        }

        // A sample cut mid-character must not count against UTF-8: drop an incomplete sequence at its end.
        var checkable = sampleIsWholeFile ? sample : TrimIncompleteUtf8(sample);
        try
        {
            StrictUtf8.GetCharCount(checkable);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }

    private static ReadOnlySpan<byte> TrimIncompleteUtf8(ReadOnlySpan<byte> sample)
    {
        for (var back = 1; back <= Math.Min(3, sample.Length); back++)
        {
            var b = sample[^back];
            if ((b & 0xC0) == 0xC0)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? sample[..^back] : sample;
            }

            if ((b & 0x80) == 0)
            {
                return sample;
            }
        }

        return sample;
    }

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }
}
