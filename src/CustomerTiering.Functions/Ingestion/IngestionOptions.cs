using System.ComponentModel.DataAnnotations;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>App settings <c>Ingestion__*</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>A file with a larger share of bad rows is rejected whole and nothing from it is written.</summary>
    [Range(0.0, 1.0)]
    public double MaxRejectedShare { get; set; } = 0.05;

    /// <summary>Largest upload accepted by <c>POST /api/exports/{kind}</c>.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Deliveries of one event before its ingestion is marked failed; keep equal to host.json's maxDequeueCount.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Concurrent 100-row transactions while writing a file.</summary>
    [Range(1, 64)]
    public int WriteParallelism { get; set; } = 8;
}
