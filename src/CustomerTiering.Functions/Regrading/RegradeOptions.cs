using System.ComponentModel.DataAnnotations;

namespace CustomerTiering.Functions.Regrading;

/// <summary>Settings of regrade runs (section <c>Regrade</c>). The schedule itself is <c>RegradeSchedule</c>, read by the host.</summary>
public sealed class RegradeOptions
{
    public const string Section = "Regrade";

    /// <summary>Shards a run is split into when the request does not say; each is a queue message any instance may take.</summary>
    [Range(1, 256)]
    public int Shards { get; set; } = 4;

    /// <summary>IANA time zone whose months are graded: a run on 1 November grades October as that zone's calendar has it.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    [Range(1, 64)]
    public int WriteParallelism { get; set; } = 8;

    /// <summary>Slices of its partitions a shard reads at once, each with one range query per table.</summary>
    [Range(1, 64)]
    public int ReadParallelism { get; set; } = 4;

    /// <summary>Deliveries of a queue message before its last-try handling (a shard's run marked failed, an event queued again for later); the host's <c>maxDequeueCount</c>.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// Memory in MB the grading step may plan on (<see cref="GradingCapacity"/>); 0, the default, for the instance's own
    /// (what the runtime sees: the instance size on Flex Consumption).
    /// </summary>
    [Range(0, 1_048_576)]
    public int GradingMemoryMB { get; set; }
}
