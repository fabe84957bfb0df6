using CustomerTiering.Functions.Access;
using CustomerTiering.Storage.Ingestion;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// Whose ingestions a caller may follow: an administrator every one; an uploader those of the files they uploaded
/// (matched by object id, which a rename does not change). A file dropped into the container has no uploader: only
/// administrators see it. To anyone else an ingestion answers as unknown.
/// </summary>
public static class IngestionVisibility
{
    public static bool Sees(Caller caller, IngestionRecord record)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(record);
        return caller.Holds(AppRoles.Administer) || (record.UploadedBy?.ObjectId is { } uploader && uploader == caller.ObjectId);
    }
}
