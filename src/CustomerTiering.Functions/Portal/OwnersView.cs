using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Functions.Portal;

/// <summary>Every owner's book in a period (customers and revenue per tier, overloaded tiers), and the customers who need an owner and have none.</summary>
public sealed record OwnersView(string Period, string RunId, IReadOnlyList<OwnerBook> Owners, IReadOnlyDictionary<string, int> WithoutOwner);
