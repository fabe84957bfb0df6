using System.ComponentModel.DataAnnotations;

namespace CustomerTiering.Functions.Faults;

/// <summary>Section <c>Faults</c>, set only by tests: where the worker stops for the test to kill it.</summary>
public sealed class ParkingFaultOptions
{
    public const string Section = "Faults";

    [Required]
    public FaultPoint? ParkAt { get; set; }

    /// <summary>The count at <see cref="ParkAt"/> that parks the work, once per run or ingestion.</summary>
    [Range(1, long.MaxValue)]
    public long After { get; set; } = 1;
}
