namespace CustomerTiering.Functions.Owners;

/// <summary>The body of <c>PUT /api/manage/owner-directory/{owner}</c>: the user the owner name means (a sign-in name or an object id).</summary>
public sealed record OwnerEntryRequest(string? User);
