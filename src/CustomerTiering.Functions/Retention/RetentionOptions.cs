using System.ComponentModel.DataAnnotations;

namespace CustomerTiering.Functions.Retention;

/// <summary>
/// How long the app keeps what it may forget (section <c>Retention</c>). Uploaded exports are not here: the storage
/// account's lifecycle policy deletes them by age (infra/main.bicep, <c>exportRetentionDays</c>), as it does reports.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days an ended ingestion's record and report (rejected rows included) are kept.</summary>
    [Range(1, 3650)]
    public int ReportDays { get; set; } = 180;

    /// <summary>
    /// Days a finished run is kept when no kept period shows it (superseded, dry, failed); a kept period's run loses its
    /// shards' working files after as long.
    /// </summary>
    [Range(1, 3650)]
    public int RunDays { get; set; } = 90;

    /// <summary>
    /// Months after its end a graded period is kept (its grades, snapshot and run); the current period always is. 25
    /// months keep a year-on-year comparison of the last twelve.
    /// </summary>
    [Range(1, 1200)]
    public int GradeHistoryMonths { get; set; } = 25;
}
