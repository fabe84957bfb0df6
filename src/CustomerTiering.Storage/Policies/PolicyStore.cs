using Azure.Storage.Blobs;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Storage.Policies;

/// <summary>
/// Tiering policy versions, one blob each under <c>policies/versions/</c>, and <c>policies/current</c> naming the one
/// runs use. Until a policy is stored the built-in default is current. A stored version is never rewritten.
/// </summary>
public sealed class PolicyStore(StorageAccount account)
{
    private const string CurrentBlob = "current";
    private const string SavedById = "savedbyid";
    private const string SavedBy = "savedby";
    private const string SavedAt = "savedat";

    private BlobContainerClient Container => account.Blobs.GetBlobContainerClient(StorageNames.PoliciesContainer);

    private static string VersionPath(string version) => $"versions/{Uri.EscapeDataString(version)}.json";

    /// <summary>The policy of that version, or null when there is none.</summary>
    public async Task<TieringPolicy?> GetAsync(string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (BuiltIn(version) is { } builtIn)
        {
            return builtIn;
        }

        var json = await ReadAsync(VersionPath(version), cancellationToken);
        return json is null ? null : Parse(json, version);
    }

    public async Task<TieringPolicy> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var version = await ReadAsync(CurrentBlob, cancellationToken);
        return version is null
            ? TieringPolicy.Default
            : await GetAsync(version.Trim(), cancellationToken) ?? throw new InvalidOperationException($"The current policy version '{version}' is not stored.");
    }

    /// <summary>
    /// Stores a new version and makes it current; false when that version exists already (versions are never
    /// rewritten: a run names the version it graded with, and that must keep meaning the same policy).
    /// </summary>
    public async Task<bool> SaveAsCurrentAsync(TieringPolicy policy, Actor savedBy, DateTimeOffset savedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(savedBy);
        if (BuiltIn(policy.Version) is not null)
        {
            return false;
        }

        var metadata = new Dictionary<string, string>
        {
            [SavedById] = Uri.EscapeDataString(savedBy.ObjectId ?? ""),
            [SavedBy] = Uri.EscapeDataString(savedBy.Name),
            [SavedAt] = savedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!await Container.GetBlobClient(VersionPath(policy.Version)).TryCreateAsync(BinaryData.FromString(TieringPolicyJson.Serialize(policy)), metadata, cancellationToken))
        {
            return false;
        }

        await Container.GetBlobClient(CurrentBlob).UploadAsync(BinaryData.FromString(policy.Version), overwrite: true, cancellationToken);
        return true;
    }

    /// <summary>Every stored version with who saved it and when, newest first (the built-in ones are not stored).</summary>
    public async Task<IReadOnlyList<PolicyVersionRecord>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        var versions = new List<PolicyVersionRecord>();
        await foreach (var blob in Container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.Metadata, Azure.Storage.Blobs.Models.BlobStates.None, "versions/", cancellationToken))
        {
            var metadata = blob.Metadata;
            var version = Uri.UnescapeDataString(blob.Name["versions/".Length..^".json".Length]);
            var savedBy = metadata.TryGetValue(SavedBy, out var name)
                ? new Actor(metadata.TryGetValue(SavedById, out var id) && id.Length > 0 ? Uri.UnescapeDataString(id) : null, Uri.UnescapeDataString(name))
                : null;
            var savedAt = metadata.TryGetValue(SavedAt, out var at)
                ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)
                : blob.Properties.CreatedOn ?? default;
            versions.Add(new PolicyVersionRecord(version, savedBy, savedAt));
        }

        return [.. versions.OrderByDescending(v => v.SavedAt)];
    }

    /// <summary>
    /// The built-in default, and its earlier versions, which periods graded with them still name: never stored, and
    /// never a name a stored policy may take.
    /// </summary>
    private static TieringPolicy? BuiltIn(string version)
    {
        var withoutDisplayNames = TieringPolicy.Default with
        {
            Version = version,
            Tiers = TieringPolicy.Default.Tiers with { DisplayNames = new Dictionary<string, LocalizedText>() },
            Rfm = TieringPolicy.Default.Rfm with { DisplayNames = new Dictionary<string, LocalizedText>() },
        };
        return version switch
        {
            _ when version == TieringPolicy.Default.Version => TieringPolicy.Default,
            "default-2" => withoutDisplayNames,
            "default-1" => withoutDisplayNames with { Service = new Dictionary<string, ServicePlaybook>() },
            _ => null,
        };
    }

    private static TieringPolicy Parse(string json, string version)
    {
        var parsed = TieringPolicyJson.Parse(json);
        return parsed.Policy ?? throw new InvalidOperationException(
            $"Stored policy '{version}' is invalid: {string.Join("; ", parsed.Violations.Select(v => $"{v.Path}: {v.Message}"))}");
    }

    private async Task<string?> ReadAsync(string path, CancellationToken cancellationToken) =>
        (await Container.GetBlobClient(path).DownloadContentOrNullAsync(cancellationToken))?.ToString();
}
