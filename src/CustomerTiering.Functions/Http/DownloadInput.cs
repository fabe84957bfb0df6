using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Http;

/// <summary>A list answered whole: as JSON (the default), or as a CSV or XLSX file to download (<c>Accept</c> may ask too).</summary>
public sealed class DownloadInput : HttpInput
{
    [FromQuery(Name = "format")]
    public ListFormat? Format { get; init; }
}
