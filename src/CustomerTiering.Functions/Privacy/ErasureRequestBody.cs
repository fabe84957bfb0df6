namespace CustomerTiering.Functions.Privacy;

/// <summary>The body of <c>POST /api/manage/privacy/erasures</c>: the customer ids to erase.</summary>
public sealed record ErasureRequestBody(IReadOnlyList<string>? CustomerIds);
