using System.Text;
using Sylvan.Data.Csv;

namespace CustomerTiering.Functions.Owners;

/// <summary>
/// The owner directory as a small CSV file: UTF-8 (a BOM allowed), a header with the columns <c>owner</c> and
/// <c>user</c> (any case, in any order, other columns ignored), one owner a line, at most <see cref="MaxRows"/>.
/// Every problem is reported by line; a file with any is not applied at all.
/// </summary>
public static class OwnerDirectoryCsv
{
    public const int MaxRows = 10_000;
    public const int MaxOwnerLength = 200;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (IReadOnlyList<(string Owner, string User)> Rows, IDictionary<string, string[]> Errors) Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string text;
        try
        {
            text = StrictUtf8.GetString(body.AsSpan(body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0));
        }
        catch (DecoderFallbackException)
        {
            return ([], new Dictionary<string, string[]> { ["file"] = ["The file is not UTF-8 text: save it as CSV UTF-8."] });
        }

        using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, HeaderComparer = StringComparer.OrdinalIgnoreCase });
        var owner = Column(csv, "owner");
        var user = Column(csv, "user");
        if (owner < 0 || user < 0)
        {
            return ([], new Dictionary<string, string[]> { ["file"] = ["The header needs the columns owner and user."] });
        }

        var rows = new List<(string, string)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = 1;
        while (csv.Read())
        {
            line++;
            if (rows.Count == MaxRows)
            {
                errors["file"] = [$"The file has more than {MaxRows} owners."];
                break;
            }

            var name = (owner < csv.RowFieldCount ? csv.GetString(owner) : "").Trim();
            var who = (user < csv.RowFieldCount ? csv.GetString(user) : "").Trim();
            var problems = new List<string>();
            if (name.Length is 0 or > MaxOwnerLength || name.Any(char.IsControl))
            {
                problems.Add($"owner is 1 to {MaxOwnerLength} characters, without control characters.");
            }
            else if (seen.TryGetValue(Storage.Owners.OwnerDirectoryStore.KeyOf(name), out var first))
            {
                problems.Add($"owner '{name}' is on line {first} already.");
            }
            else
            {
                seen[Storage.Owners.OwnerDirectoryStore.KeyOf(name)] = line;
            }

            if (!OwnerUser.IsValid(who))
            {
                problems.Add(OwnerUser.Rule);
            }

            if (problems.Count > 0)
            {
                errors[$"line {line}"] = [.. problems];
            }
            else
            {
                rows.Add((name, who));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors["file"] = ["The file has a header and no owners."];
        }

        return (rows, errors);
    }

    private static int Column(CsvDataReader csv, string name)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (string.Equals(csv.GetName(i).Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
