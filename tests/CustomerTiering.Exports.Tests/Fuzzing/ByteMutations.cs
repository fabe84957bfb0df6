namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>Blind changes to a file's bytes, as a broken disk, a bad transfer or a hostile hand makes them.</summary>
public static class ByteMutations
{
    /// <summary>Bytes that mean something to one reader or another: delimiters, quotes, line ends, brackets, NUL, BOMs, invalid UTF-8.</summary>
    private static readonly byte[][] Meaningful =
    [
        "\""u8.ToArray(), ","u8.ToArray(), ";"u8.ToArray(), "\t"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(),
        "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "\\"u8.ToArray(), "<"u8.ToArray(), ">"u8.ToArray(), "&"u8.ToArray(),
        [0], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xFF], [0x80], [0xED, 0xA0, 0x80],
        "PK\u0003\u0004"u8.ToArray(), [0x1F, 0x8B, 0x08],
    ];

    /// <summary>Applies one to <paramref name="most"/> mutations and says which.</summary>
    public static byte[] Apply(Random random, byte[] content, int most, List<string> made)
    {
        var bytes = new List<byte>(content);
        var count = random.Next(1, most + 1);
        for (var m = 0; m < count; m++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    made.Add($"bit flipped at {at}");
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    made.Add($"byte set at {at}");
                    break;
                case 2:
                    var token = Meaningful[random.Next(Meaningful.Length)];
                    bytes.InsertRange(at, token);
                    made.Add($"{token.Length} meaningful byte(s) inserted at {at}");
                    break;
                case 3 when bytes.Count > 0:
                    var length = Math.Min(bytes.Count - at, random.Next(1, 64));
                    bytes.RemoveRange(at, length);
                    made.Add($"{length} byte(s) removed at {at}");
                    break;
                case 4 when bytes.Count > 0:
                    var from = random.Next(bytes.Count);
                    var span = bytes.GetRange(from, Math.Min(bytes.Count - from, random.Next(1, 256)));
                    var times = random.Next(1, 8);
                    for (var t = 0; t < times; t++)
                    {
                        bytes.InsertRange(at, span);
                    }

                    made.Add($"{span.Count} byte(s) from {from} copied {times} time(s) to {at}");
                    break;
                case 5 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    made.Add($"cut at {at}");
                    break;
                case 6:
                    var noise = new byte[random.Next(1, 128)];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    made.Add($"{noise.Length} random byte(s) at {at}");
                    break;
                default:
                    var run = Meaningful[random.Next(Meaningful.Length)];
                    var repeat = random.Next(100, 20_000);
                    bytes.InsertRange(at, Enumerable.Repeat(run, repeat).SelectMany(b => b));
                    made.Add($"{repeat} copies of {run.Length} meaningful byte(s) at {at}");
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Random bytes, sometimes behind a real format's first bytes so that the reader for it takes them.</summary>
    public static byte[] Noise(Random random, byte[] prefix)
    {
        var noise = new byte[random.Next(0, 8192)];
        random.NextBytes(noise);
        return [.. prefix, .. noise];
    }
}
