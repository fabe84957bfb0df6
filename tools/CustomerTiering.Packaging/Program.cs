using System.IO.Compression;
using CustomerTiering.Packaging;

// Usage: CustomerTiering.Packaging <published app root> <zip to write>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CustomerTiering.Packaging <published app root> <zip to write>");
    return 2;
}

var problems = AppPackage.Check(args[0]);
if (problems.Count > 0)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"error: {problem}");
    }

    return 1;
}

File.Delete(args[1]);
ZipFile.CreateFromDirectory(args[0], args[1], CompressionLevel.Optimal, includeBaseDirectory: false);
Console.WriteLine($"{args[1]}: {new FileInfo(args[1]).Length / 1e6:N1} MB");
return 0;
