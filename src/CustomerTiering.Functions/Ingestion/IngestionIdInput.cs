using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>A route naming one ingestion.</summary>
public sealed class IngestionIdInput : HttpInput
{
    [FromRoute(Name = "id")]
    public IngestionId Id { get; init; }
}
