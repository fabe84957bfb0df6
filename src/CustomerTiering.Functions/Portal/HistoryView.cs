namespace CustomerTiering.Functions.Portal;

/// <summary>A customer's grade in every graded period they were in, oldest first.</summary>
public sealed record HistoryView(string CustomerId, IReadOnlyList<GradeView> Periods);
