namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>The reader a generated input is aimed at.</summary>
public enum FuzzedReader
{
    Csv,
    JsonLines,
    Xlsx,
    Gzip,
}

/// <summary>One generated input: the file name it is read by, its bytes, and how it was made (for the failure message).</summary>
public sealed record FuzzInput(FuzzedReader Reader, int Seed, string Name, byte[] Content, string Made)
{
    public override string ToString() => $"{Reader} seed {Seed} ({Name}, {Content.Length} bytes): {Made}";
}
