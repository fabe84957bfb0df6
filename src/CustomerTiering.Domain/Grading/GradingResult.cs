namespace CustomerTiering.Domain.Grading;

/// <summary>Every customer's grade, in input order, and the run's summary.</summary>
public sealed record GradingResult(IReadOnlyList<CustomerGrade> Grades, GradingSummary Summary);
