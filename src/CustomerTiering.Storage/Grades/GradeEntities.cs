using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Storage.Grades;

/// <summary>
/// A grade as a table row. Every run's grades are their own partitions (<c>{runId}-p042</c>): a run never touches the
/// rows of the period readers are on, and a customer's grade in any run is one point read. Money is invariant text.
/// </summary>
public static class GradeEntities
{
    public static string PartitionKey(string runId, string customerId) => $"{runId}-{TableKeys.PartitionOf(customerId)}";

    public static string RowKey(string customerId) => TableKeys.Escape(customerId);

    public static TableEntity ToEntity(StoredGrade g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new TableEntity(PartitionKey(g.RunId, g.CustomerId), RowKey(g.CustomerId))
        {
            ["CustomerId"] = g.CustomerId,
            ["Name"] = g.Name,
            ["Type"] = g.Type,
            ["Region"] = g.Region,
            ["Channel"] = g.Channel,
            ["Owner"] = g.Owner,
            ["LastContact"] = g.LastContact?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["NeedsOwner"] = g.NeedsOwner,
            ["Period"] = g.Period,
            ["RunId"] = g.RunId,
            ["PolicyVersion"] = g.PolicyVersion,
            ["Tier"] = g.Tier,
            ["ComputedTier"] = g.ComputedTier,
            ["TierIndex"] = g.TierIndex,
            ["PreviousTier"] = g.PreviousTier,
            ["Movement"] = g.Movement.ToString(),
            ["TierSince"] = g.TierSince,
            ["PeriodsBelowTier"] = g.PeriodsBelowTier,
            ["RecencyScore"] = g.RecencyScore,
            ["FrequencyScore"] = g.FrequencyScore,
            ["MonetaryScore"] = g.MonetaryScore,
            ["Segment"] = g.Segment,
            ["Abc"] = g.Abc,
            ["ValueScore"] = g.ValueScore,
            ["Lifecycle"] = g.Lifecycle,
            ["RisingStar"] = g.RisingStar,
            ["NetRevenue"] = g.NetRevenue.ToString(CultureInfo.InvariantCulture),
            ["PreviousNetRevenue"] = g.PreviousNetRevenue.ToString(CultureInfo.InvariantCulture),
            ["OrderCount"] = g.OrderCount,
            ["LastOrderDate"] = g.LastOrderDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["CreditGrade"] = g.CreditGrade,
            ["AliveProbability"] = g.AliveProbability,
            ["ExpectedPurchases"] = g.ExpectedPurchases,
            ["ExpectedRevenue"] = g.ExpectedRevenue?.ToString(CultureInfo.InvariantCulture),
            ["ChurnRisk"] = g.ChurnRisk,
            ["Reasons"] = JsonSerializer.Serialize(g.Reasons, GradeJson.Default.IReadOnlyListGradeReason),
        };
    }

    public static StoredGrade FromEntity(TableEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new StoredGrade
        {
            CustomerId = e.GetString("CustomerId"),
            Name = e.GetString("Name"),
            Type = e.GetString("Type"),
            Region = e.GetString("Region"),
            Channel = e.GetString("Channel"),
            Owner = e.GetString("Owner"),
            NeedsOwner = e.GetBoolean("NeedsOwner") ?? false,
            LastContact = e.GetString("LastContact") is { } lastContact ? DateOnly.ParseExact(lastContact, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Period = e.GetString("Period"),
            RunId = e.GetString("RunId"),
            PolicyVersion = e.GetString("PolicyVersion"),
            Tier = e.GetString("Tier"),
            ComputedTier = e.GetString("ComputedTier"),
            TierIndex = e.GetInt32("TierIndex") ?? 0,
            PreviousTier = e.GetString("PreviousTier"),
            Movement = Enum.Parse<TierMovement>(e.GetString("Movement")),
            TierSince = e.GetString("TierSince"),
            PeriodsBelowTier = e.GetInt32("PeriodsBelowTier") ?? 0,
            RecencyScore = e.GetInt32("RecencyScore") ?? 0,
            FrequencyScore = e.GetInt32("FrequencyScore") ?? 0,
            MonetaryScore = e.GetInt32("MonetaryScore") ?? 0,
            Segment = e.GetString("Segment"),
            Abc = e.GetString("Abc"),
            ValueScore = e.GetDouble("ValueScore") ?? 0,
            Lifecycle = e.GetString("Lifecycle"),
            RisingStar = e.GetBoolean("RisingStar") ?? false,
            NetRevenue = decimal.Parse(e.GetString("NetRevenue"), CultureInfo.InvariantCulture),
            PreviousNetRevenue = decimal.Parse(e.GetString("PreviousNetRevenue"), CultureInfo.InvariantCulture),
            OrderCount = e.GetInt32("OrderCount") ?? 0,
            LastOrderDate = e.GetString("LastOrderDate") is { } last ? DateOnly.ParseExact(last, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            CreditGrade = e.GetString("CreditGrade"),
            AliveProbability = e.GetDouble("AliveProbability"),
            ExpectedPurchases = e.GetDouble("ExpectedPurchases"),
            ExpectedRevenue = e.GetString("ExpectedRevenue") is { } expected ? decimal.Parse(expected, CultureInfo.InvariantCulture) : null,
            ChurnRisk = e.GetString("ChurnRisk"),
            Reasons = JsonSerializer.Deserialize(e.GetString("Reasons") ?? "[]", GradeJson.Default.IReadOnlyListGradeReason) ?? [],
        };
    }
}
