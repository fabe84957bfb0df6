namespace CustomerTiering.Domain.Reasons;

/// <summary>A structured reason with its figures; <see cref="ReasonRenderer"/> tells it as a sentence.</summary>
public sealed record GradeReason(
    ReasonCode Code,
    string? Tier = null,
    string? Other = null,
    double? Value = null,
    double? Share = null,
    double? Required = null,
    double? Threshold = null,
    int? Count = null,
    string? Note = null,
    DateOnly? Until = null);
