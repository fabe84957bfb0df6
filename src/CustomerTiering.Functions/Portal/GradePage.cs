namespace CustomerTiering.Functions.Portal;

/// <summary>A page of a list: its customers, and the token of the next page (absent on the last).</summary>
public sealed record GradePage(string Period, IReadOnlyList<CustomerView> Items, string? ContinuationToken);
