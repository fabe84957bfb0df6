using System.IO.Compression;
using System.Text;
using CustomerTiering.Exports.Reading;

namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>
/// Makes the input of a seed for a reader: a hostile document of some export kind, in some encoding, packed as the reader
/// takes it (text, workbook, gzip), then broken blindly or from the inside. The same seed always makes the same input.
/// </summary>
public static class HostileInputs
{
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    public static FuzzInput Make(FuzzedReader reader, int seed)
    {
        var random = new Random(seed);
        var made = new List<string>();
        var (folder, columns) = HostileDocuments.Kind(random);
        var (name, content) = reader switch
        {
            FuzzedReader.Csv => ($"{folder}/fuzz-{seed}.csv", Text(random, HostileDocuments.Csv(random, columns, Delimiters[random.Next(Delimiters.Length)]), made)),
            FuzzedReader.JsonLines => ($"{folder}/fuzz-{seed}.jsonl", Text(random, HostileDocuments.JsonLines(random, columns), made)),
            FuzzedReader.Xlsx => ($"{folder}/fuzz-{seed}.xlsx", Workbook(random, columns, made)),
            _ => Gzip(random, folder, columns, seed, made),
        };
        return new FuzzInput(reader, seed, name, content, made.Count == 0 ? "as generated" : string.Join("; ", made));
    }

    /// <summary>The document in an encoding, a BOM or not, sometimes two encodings in one file; then, mostly, broken.</summary>
    private static byte[] Text(Random random, string text, List<string> made)
    {
        if (random.Next(20) == 0)
        {
            made.Add("random bytes");
            return ByteMutations.Noise(random, []);
        }

        var encodings = new[] { "utf-8", "utf-16", "utf-16BE", "iso-8859-1", TextEncodingDetector.Gb18030.WebName }
            .Select(e => Encoding.GetEncoding(e, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)).ToArray();
        var encoding = encodings[random.Next(encodings.Length)];
        var bom = random.Next(2) == 0;
        byte[] bytes = [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];
        made.Add($"{encoding.WebName}{(bom ? " with BOM" : "")}");
        if (random.Next(6) == 0)
        {
            var other = encodings[random.Next(encodings.Length)];
            var half = text.Length / 2;
            bytes = [.. encoding.GetBytes(text[..half]), .. other.GetBytes(text[half..])];
            made.Add($"second half in {other.WebName}");
        }

        return random.Next(10) < 7 ? ByteMutations.Apply(random, bytes, 6, made) : bytes;
    }

    private static byte[] Workbook(Random random, string[] columns, List<string> made)
    {
        if (random.Next(20) == 0)
        {
            made.Add("random bytes behind a zip's signature");
            return ByteMutations.Noise(random, "PK\u0003\u0004"u8.ToArray());
        }

        var workbook = WorkbookMutations.Workbook(random, columns);
        return random.Next(10) == 0 ? workbook : WorkbookMutations.Apply(random, workbook, made);
    }

    private static (string Name, byte[] Content) Gzip(Random random, string folder, string[] columns, int seed, List<string> made)
    {
        var jsonLines = random.Next(3) == 0;
        var name = $"{folder}/fuzz-{seed}.{(jsonLines ? "jsonl" : "csv")}.gz";
        var text = Encoding.UTF8.GetBytes(jsonLines ? HostileDocuments.JsonLines(random, columns) : HostileDocuments.Csv(random, columns, ','));
        byte[] content;
        switch (random.Next(8))
        {
            case 0:
                var cut = random.Next(text.Length + 1);
                content = [.. Packed(text[..cut]), .. Packed(text[cut..])];
                made.Add($"two gzip members, split at {cut}");
                break;
            case 1:
                var whole = Packed(text);
                var end = random.Next(whole.Length);
                content = whole[..end];
                made.Add($"gzip cut at {end} of {whole.Length}");
                break;
            case 2:
                content = [.. Packed(text), .. ByteMutations.Noise(random, [])];
                made.Add("bytes after the gzip's end");
                break;
            case 3:
                content = Packed(Packed(text));
                made.Add("gzip of a gzip");
                break;
            case 4 when random.Next(4) == 0:
                content = Bomb(text, FuzzLimits.Bounds.MaxExpandedBytes + 1024 * 1024);
                made.Add("a repeated line expanding past the bound");
                break;
            case 5:
                content = [.. Packed([]), .. Packed(text)];
                made.Add("an empty gzip member first");
                break;
            default:
                content = ByteMutations.Apply(random, Packed(text), 4, made);
                break;
        }

        return (name, content);
    }

    private static byte[] Packed(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>The document's first line, then its last line repeated until the whole expands to <paramref name="expanded"/> bytes.</summary>
    private static byte[] Bomb(byte[] text, long expanded)
    {
        var lines = Encoding.UTF8.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Encoding.UTF8.GetBytes((lines.FirstOrDefault() ?? "Order ID,Customer ID,Order Date,Amount") + "\n");
        var line = Encoding.UTF8.GetBytes((lines.Length > 1 ? lines[^1] : "O1,C1,2026-10-01,5") + "\n");
        var block = Enumerable.Repeat(line, Math.Max(1, 65536 / line.Length)).SelectMany(b => b).ToArray();
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(header);
            for (long written = header.Length; written < expanded; written += block.Length)
            {
                gzip.Write(block);
            }
        }

        return output.ToArray();
    }
}
