using System.ComponentModel.DataAnnotations;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>What an upload and a preview read besides the file in the body: its kind, its name, and how to read it.</summary>
public sealed class ExportInput : HttpInput, IValidatableObject
{
    private static readonly string[] Extensions = [".csv", ".csv.gz", ".gz", ".jsonl", ".ndjson", ".jsonl.gz", ".xlsx"];

    [FromRoute(Name = "kind")]
    public UploadKind Kind { get; init; }

    /// <summary>The file's name; only its last segment is kept, made safe (<see cref="ExportUpload.SafeName"/>).</summary>
    [FromQuery(Name = "name")]
    public string? Name { get; init; }

    /// <summary>A stored mapping profile (<c>exports/_profiles/{profile}.json</c>) for files whose columns have other names.</summary>
    [FromQuery(Name = "profile")]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "profile is a plain name: letters, digits, '-' and '_'.")]
    public string? Profile { get; init; }

    /// <summary>How the file writes its dates, one of the common formats; guessed from the dates without it.</summary>
    [FromQuery(Name = "dateFormat")]
    public string? DateFormat { get; init; }

    public string FileName => ExportUpload.SafeName(Name ?? "upload.csv");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Extensions.Any(e => FileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new ValidationResult($"name must end in one of {string.Join(" ", Extensions)}.", [nameof(Name)]);
        }

        if (DateFormat is not null && Exports.Mapping.DateFormat.Named(DateFormat) is null)
        {
            yield return new ValidationResult($"dateFormat is one of: {string.Join(", ", Exports.Mapping.DateFormat.Common.Select(f => f.Name))}.", [nameof(DateFormat)]);
        }
    }
}
