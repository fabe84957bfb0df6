using System.Globalization;
using System.Reflection;
using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Regrading;

/// <summary>One line of a period's snapshot: flat columns an analyst's tool reads without knowing the app.</summary>
public sealed class SnapshotRow
{
    public string CustomerId { get; init; } = "";

    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Region { get; init; }

    public string? Owner { get; init; }

    public string Period { get; init; } = "";

    public string Tier { get; init; } = "";

    public string? PreviousTier { get; init; }

    public string Movement { get; init; } = "";

    public string TierSince { get; init; } = "";

    public int RecencyScore { get; init; }

    public int FrequencyScore { get; init; }

    public int MonetaryScore { get; init; }

    public string Segment { get; init; } = "";

    public string Abc { get; init; } = "";

    public double ValueScore { get; init; }

    public string Lifecycle { get; init; } = "";

    public bool RisingStar { get; init; }

    public decimal NetRevenue { get; init; }

    public decimal PreviousNetRevenue { get; init; }

    public int OrderCount { get; init; }

    public string? LastOrderDate { get; init; }

    public string? CreditGrade { get; init; }

    public double? AliveProbability { get; init; }

    public double? ExpectedPurchases { get; init; }

    public decimal? ExpectedRevenue { get; init; }

    public string? ChurnRisk { get; init; }

    /// <summary>The reason codes, in order, separated by ';'.</summary>
    public string Reasons { get; init; } = "";

    public string RunId { get; init; } = "";

    public string PolicyVersion { get; init; } = "";

    public static SnapshotRow From(StoredGrade g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new SnapshotRow
        {
            CustomerId = g.CustomerId, Name = g.Name, Type = g.Type, Region = g.Region, Owner = g.Owner, Period = g.Period,
            Tier = g.Tier, PreviousTier = g.PreviousTier, Movement = g.Movement.ToString(), TierSince = g.TierSince,
            RecencyScore = g.RecencyScore, FrequencyScore = g.FrequencyScore, MonetaryScore = g.MonetaryScore,
            Segment = g.Segment, Abc = g.Abc, ValueScore = g.ValueScore, Lifecycle = g.Lifecycle, RisingStar = g.RisingStar,
            NetRevenue = g.NetRevenue, PreviousNetRevenue = g.PreviousNetRevenue, OrderCount = g.OrderCount,
            LastOrderDate = g.LastOrderDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CreditGrade = g.CreditGrade, AliveProbability = g.AliveProbability, ExpectedPurchases = g.ExpectedPurchases, ExpectedRevenue = g.ExpectedRevenue, ChurnRisk = g.ChurnRisk,
            Reasons = string.Join(';', g.Reasons.Select(r => r.Code)),
            RunId = g.RunId, PolicyVersion = g.PolicyVersion,
        };
    }

    public static string CsvHeader { get; } = string.Join(',', typeof(SnapshotRow).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name));

    /// <summary>Text cells are made safe for spreadsheets (quoted, formula-looking text prefixed); numbers stay numbers, a negative one too.</summary>
    public string ToCsvLine() => string.Join(',',
        Cell(CustomerId), Cell(Name), Cell(Type), Cell(Region), Cell(Owner), Cell(Period), Cell(Tier), Cell(PreviousTier), Cell(Movement), Cell(TierSince),
        Text(RecencyScore), Text(FrequencyScore), Text(MonetaryScore), Cell(Segment), Cell(Abc), ValueScore.ToString("R", CultureInfo.InvariantCulture),
        Cell(Lifecycle), RisingStar ? "true" : "false", Text(NetRevenue), Text(PreviousNetRevenue), Text(OrderCount), Cell(LastOrderDate),
        Cell(CreditGrade), Number(AliveProbability), Number(ExpectedPurchases), Number(ExpectedRevenue), Cell(ChurnRisk), Cell(Reasons),
        Cell(RunId), Cell(PolicyVersion));

    private static string Cell(string? text) => Exports.Records.RejectedRowsCsv.Cell(text ?? "");

    private static string Text<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Number<T>(T? value) where T : struct, IFormattable => value is { } known ? Text(known) : "";
}
