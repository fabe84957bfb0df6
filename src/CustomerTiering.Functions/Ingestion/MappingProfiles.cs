using CustomerTiering.Exports;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Storage.Ingestion;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>Mapping profiles, kept as <c>exports/_profiles/{name}.json</c> beside the exports they describe.</summary>
public sealed class MappingProfiles(ExportStore exports)
{
    /// <summary>The profile of that name; the built-in one without a name; a rejection for a bad name or a missing or broken profile.</summary>
    public async Task<MappingProfile> LoadAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return MappingProfile.BuiltIn;
        }

        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) || name.Length > 64)
        {
            throw new ExportRejectedException($"The mapping profile name '{name}' is not a plain name (letters, digits, '-', '_').");
        }

        return await exports.ReadTextAsync($"{ExportBlobName.ProfilesFolder}{name}.json", cancellationToken) is { } json
            ? MappingProfile.Parse(json)
            : throw new ExportRejectedException($"The mapping profile '{name}' does not exist (expected exports/{ExportBlobName.ProfilesFolder}{name}.json).");
    }
}
