using CustomerTiering.Exports;
using CustomerTiering.Storage;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// What an export's blob metadata says about reading it, set by the upload API or by whoever drops the file:
/// <c>profile</c> (a mapping profile's name) and <c>dateformat</c> (one of the common date formats, URI-escaped); and,
/// from the upload API only, who uploaded it: <c>uploadedbyid</c> and <c>uploadedby</c> (their object id and display
/// name, URI-escaped) from the uploader's token.
/// </summary>
public static class ExportMetadata
{
    public const string Profile = "profile";
    public const string DateFormat = "dateformat";
    public const string UploadedById = "uploadedbyid";
    public const string UploadedBy = "uploadedby";

    /// <summary>Who uploaded the file through the API; null for a file dropped into the container.</summary>
    public static Actor? UploaderOf(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.TryGetValue(UploadedById, out var id) && metadata.TryGetValue(UploadedBy, out var name)
            ? new Actor(Uri.UnescapeDataString(id), Uri.UnescapeDataString(name))
            : null;
    }

    /// <summary>The date format the metadata names; null without one; a rejection for one that is not a common format.</summary>
    public static Exports.Mapping.DateFormat? DateFormatOf(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.TryGetValue(DateFormat, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Exports.Mapping.DateFormat.Named(Uri.UnescapeDataString(value))
            ?? throw new ExportRejectedException(
                $"The blob's '{DateFormat}' metadata '{value}' is not one of: {string.Join(", ", Exports.Mapping.DateFormat.Common.Select(f => f.Name))}.");
    }
}
