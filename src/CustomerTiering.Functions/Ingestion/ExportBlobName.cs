namespace CustomerTiering.Functions.Ingestion;

/// <summary>Which blob names in <c>exports</c> are exports, and what kind their folder says they are.</summary>
public static class ExportBlobName
{
    public const string ProfilesFolder = "_profiles/";

    /// <summary>Why a name is not taken as an export, or null when it is.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 1024)
        {
            return "the blob name is empty or longer than 1024 characters";
        }

        if (name.Any(char.IsControl))
        {
            return "the blob name holds control characters";
        }

        if (name.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return "the blob name has an empty, '.' or '..' segment";
        }

        return null;
    }

    /// <summary>Blobs the app keeps beside exports (mapping profiles) are not ingested.</summary>
    public static bool IsExport(string name) => !name.StartsWith(ProfilesFolder, StringComparison.Ordinal);

    public static Exports.ExportKind? KindOf(string name) =>
        name.StartsWith("customers/", StringComparison.OrdinalIgnoreCase) ? Exports.ExportKind.Customers
        : name.StartsWith("orders/", StringComparison.OrdinalIgnoreCase) ? Exports.ExportKind.Orders
        : name.StartsWith("invoices/", StringComparison.OrdinalIgnoreCase) ? Exports.ExportKind.Invoices
        : null;
}
