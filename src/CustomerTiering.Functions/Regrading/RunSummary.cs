using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// What a run produced as a whole, kept with it. For a dry run, <see cref="Comparison"/> counts customers from their
/// tier in the current period (or "new") to the tier the draft policy gives them: what applying it would move.
/// <see cref="Owners"/> is every owner's book and the customers who need an owner and have none (absent in runs made
/// before owners were summarised). <see cref="ForecastMilliseconds"/>: fitting the forecast's models and forecasting
/// every customer, part of <see cref="EngineMilliseconds"/>.
/// </summary>
public sealed record RunSummary(
    GradingSummary Grading,
    long EngineMilliseconds,
    string? ComparedWithRunId,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Comparison,
    OwnerSummary? Owners = null,
    long? ForecastMilliseconds = null);
