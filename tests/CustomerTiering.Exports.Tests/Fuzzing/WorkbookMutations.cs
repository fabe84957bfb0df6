using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using MiniExcelLibs;

namespace CustomerTiering.Exports.Tests.Fuzzing;

/// <summary>
/// Workbooks broken from the inside: a real one (written by MiniExcel) whose parts are edited, removed, added or made
/// hostile (entity expansion, cell references past the sheet's end), or whose zip directory lies about sizes, offsets
/// and counts.
/// </summary>
public static partial class WorkbookMutations
{
    private static readonly string[] Parts =
        ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "_rels/.rels"];

    public static byte[] Workbook(Random random, string[] columns)
    {
        var rows = Enumerable.Range(0, random.Next(0, 30)).Select(_ => columns.ToDictionary(c => c, c => Value(random))).ToList();
        using var workbook = new MemoryStream();
        if (rows.Count == 0)
        {
            rows.Add(columns.ToDictionary(c => c, _ => (object)""));
        }

        MiniExcel.SaveAs(workbook, rows, excelType: ExcelType.XLSX);
        return Rewrite(workbook.ToArray(), WithoutRandomIds);
    }

    /// <summary>One to three changes to the workbook's parts or directory, said in <paramref name="made"/>.</summary>
    public static byte[] Apply(Random random, byte[] workbook, List<string> made)
    {
        var count = random.Next(1, 4);
        for (var m = 0; m < count; m++)
        {
            workbook = random.Next(7) switch
            {
                0 => EditPart(random, workbook, made),
                1 => EditPart(random, workbook, made),
                2 => RemovePart(random, workbook, made),
                3 => AddPart(random, workbook, made),
                4 => HostileSheet(random, workbook, made),
                5 => LieInDirectory(random, workbook, made),
                _ => ByteMutations.Apply(random, workbook, 3, made),
            };
        }

        return workbook;
    }

    /// <summary>MiniExcel names relationships by new GUIDs: named by their order instead, the same seed makes the same workbook.</summary>
    private static void WithoutRandomIds(ZipArchive zip)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList())
        {
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }

            var renamed = RelationshipId().Replace(text, m => names.TryGetValue(m.Value, out var name) ? name : names[m.Value] = $"rId{names.Count + 1}");
            if (renamed != text)
            {
                var path = entry.FullName;
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(renamed);
            }
        }
    }

    [GeneratedRegex("R[0-9a-f]{32}")]
    private static partial Regex RelationshipId();

    private static object Value(Random random) => random.Next(5) switch
    {
        0 => random.Next(-100_000, 100_000) / 100m,
        1 => new DateTime(2000, 1, 1).AddDays(random.Next(0, 12_000)),
        _ => new string([.. HostileDocuments.Cell(random).Where(XmlConvert.IsXmlChar)]),
    };

    private static byte[] EditPart(Random random, byte[] workbook, List<string> made)
    {
        var name = Parts[random.Next(Parts.Length)];
        return Rewrite(workbook, zip =>
        {
            if (zip.GetEntry(name) is not { } entry)
            {
                return;
            }

            byte[] content;
            using (var stream = entry.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                content = copy.ToArray();
            }

            entry.Delete();
            var changed = ByteMutations.Apply(random, content, 4, made);
            using var written = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            written.Write(changed);
            made.Add($"(in {name})");
        });
    }

    private static byte[] RemovePart(Random random, byte[] workbook, List<string> made)
    {
        var name = Parts[random.Next(Parts.Length)];
        made.Add($"{name} removed");
        return Rewrite(workbook, zip => zip.GetEntry(name)?.Delete());
    }

    private static byte[] AddPart(Random random, byte[] workbook, List<string> made)
    {
        var name = random.Next(4) switch
        {
            0 => "../../evil.xml",
            1 => "/etc/passwd",
            2 => "xl/worksheets/sheet1.xml", // a second entry of the same name
            _ => $"xl/worksheets/sheet{random.Next(2, 5)}.xml",
        };
        made.Add($"{name} added");
        return Rewrite(workbook, zip =>
        {
            using var part = new StreamWriter(zip.CreateEntry(name).Open());
            part.Write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>");
        });
    }

    /// <summary>A first sheet that attacks its reader: entity expansion, an external entity, references or an extent past Excel's limits, deep nesting.</summary>
    private static byte[] HostileSheet(Random random, byte[] workbook, List<string> made)
    {
        const string Open = "<?xml version=\"1.0\"?>";
        const string Sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
        var (what, xml) = random.Next(6) switch
        {
            0 => ("entity expansion", Open + "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
                + Sheet + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&g;</t></is></c></row></sheetData></worksheet>"),
            1 => ("external entity", Open + "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + Sheet + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>"),
            2 => ("cell past Excel's last column and row", Open + Sheet
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Order ID</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>Amount</t></is></c></row>"
                + "<row r=\"99999999\"><c r=\"AAAAAAAAAA99999999\"><v>1</v></c></row></sheetData></worksheet>"),
            3 => ("deeply nested elements", Open + Sheet + "<row r=\"1\">" + string.Concat(Enumerable.Repeat("<c>", 20_000)) + "</row></sheetData></worksheet>"),
            4 => ("an extent past Excel's last column", Open + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:ZZZZ9\"/><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Order ID</t></is></c></row></sheetData></worksheet>"),
            _ => ("shared string index out of range", Open + Sheet + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99999</v></c><c r=\"B1\" t=\"s\"><v>-1</v></c></row></sheetData></worksheet>"),
        };
        made.Add($"first sheet replaced by one with {what}");
        return Rewrite(workbook, zip =>
        {
            zip.GetEntry(Parts[0])?.Delete();
            using var part = new StreamWriter(zip.CreateEntry(Parts[0]).Open(), new UTF8Encoding(false));
            part.Write(xml);
        });
    }

    /// <summary>Changes a field of the zip's central directory or its end record: what the reader trusts before it reads a byte of a part.</summary>
    private static byte[] LieInDirectory(Random random, byte[] workbook, List<string> made)
    {
        var bytes = (byte[])workbook.Clone();
        var end = bytes.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (end < 0 || end + 22 > bytes.Length)
        {
            return bytes;
        }

        var directory = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        var headers = new List<int>();
        for (var at = directory; at >= 0 && at + 46 <= end && bytes.AsSpan(at).StartsWith("PK\u0001\u0002"u8);)
        {
            headers.Add(at);
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 30))
                  + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 32));
        }

        uint Lie(uint truth) => random.Next(5) switch
        {
            0 => 0,
            1 => uint.MaxValue,
            2 => truth / 2,
            3 => truth * 1000,
            _ => (uint)random.Next(),
        };

        if (headers.Count == 0 || random.Next(4) == 0)
        {
            var (field, offset, size) = random.Next(3) switch { 0 => ("entry count", 10, 2), 1 => ("directory size", 12, 4), _ => ("directory offset", 16, 4) };
            Write(bytes.AsSpan(end + offset), size, Lie(Read(bytes.AsSpan(end + offset), size)));
            made.Add($"end record's {field} lies");
        }
        else
        {
            var header = headers[random.Next(headers.Count)];
            var (field, offset) = random.Next(4) switch { 0 => ("CRC", 16), 1 => ("compressed size", 20), 2 => ("expanded size", 24), _ => ("local header offset", 42) };
            Write(bytes.AsSpan(header + offset), 4, Lie(Read(bytes.AsSpan(header + offset), 4)));
            made.Add($"directory's {field} of the entry at {header} lies");
        }

        return bytes;
    }

    private static uint Read(ReadOnlySpan<byte> at, int size) => size == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at);

    private static void Write(Span<byte> at, int size, uint value)
    {
        if (size == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at, value);
        }
    }

    /// <summary>
    /// The workbook rewritten through .NET's zip writer, every part dated the same (the same seed makes the same bytes);
    /// a workbook it cannot open is returned as it was.
    /// </summary>
    private static byte[] Rewrite(byte[] workbook, Action<ZipArchive> change)
    {
        using var copy = new MemoryStream();
        copy.Write(workbook);
        try
        {
            using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
            {
                change(zip);
                foreach (var entry in zip.Entries)
                {
                    entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
                }
            }

            return copy.ToArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException)
        {
            // A directory an earlier change made to lie can keep .NET's zip writer from opening the workbook at all.
            return workbook;
        }
    }
}
