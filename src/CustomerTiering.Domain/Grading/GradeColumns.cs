namespace CustomerTiering.Domain.Grading;

/// <summary>
/// What a run decides per customer, one compact array per figure (about 60 bytes a customer). Grades are read from these
/// columns on demand; everything else a grade tells comes from the customer's metrics and the run's cuts.
/// </summary>
internal sealed class GradeColumns(int count)
{
    public const byte Held = 1;
    public const byte DemotedByMargin = 2;
    public const byte Overridden = 4;
    public const byte OverrideExpired = 8;

    public int Count { get; } = count;

    public byte[] Recency { get; } = new byte[count];

    public byte[] Frequency { get; } = new byte[count];

    public byte[] Monetary { get; } = new byte[count];

    public byte[] Segment { get; } = new byte[count];

    public AbcClass[] Abc { get; } = new AbcClass[count];

    public double[] Score { get; } = new double[count];

    public byte[] Tier { get; } = new byte[count];

    public byte[] EarnedTier { get; } = new byte[count];

    /// <summary>The tier the grading gave, hysteresis included, before an override; equal to <see cref="Tier"/> without one.</summary>
    public byte[] ComputedTier { get; } = new byte[count];

    /// <summary>Index of last period's tier, -1 for none (or a tier the policy no longer has).</summary>
    public sbyte[] PreviousTier { get; } = new sbyte[count];

    public byte[] PeriodsBelow { get; } = new byte[count];

    public byte[] Flags { get; } = new byte[count];

    public float[] MonetaryTopShare { get; } = new float[count];

    public float[] FrequencyTopShare { get; } = new float[count];

    public float[] ValueTopShare { get; } = new float[count];

    public float[] AbcShareBefore { get; } = new float[count];

    /// <summary>A rising star's growth rank among the candidates; 0 for everyone else.</summary>
    public float[] GrowthTopShare { get; } = new float[count];

    /// <summary>The forecast's P(alive); with <see cref="ExpectedPurchases"/> and <see cref="ExpectedRevenue"/>, meaningful where <see cref="Risk"/> is not 0.</summary>
    public float[] AliveProbability { get; } = new float[count];

    public float[] ExpectedPurchases { get; } = new float[count];

    public double[] ExpectedRevenue { get; } = new double[count];

    /// <summary>The credit grade's index + 1; 0 without a credit history.</summary>
    public byte[] Credit { get; } = new byte[count];

    /// <summary>The churn-risk band (<see cref="Forecasting.ChurnRisk"/>); 0 for a customer without a forecast.</summary>
    public byte[] Risk { get; } = new byte[count];

    /// <summary>Copies these columns, a group's, into <paramref name="target"/> at the customers' places there: row k goes to members[k].</summary>
    public void ScatterInto(GradeColumns target, IReadOnlyList<int> members)
    {
        for (var k = 0; k < Count; k++)
        {
            var i = members[k];
            target.Recency[i] = Recency[k];
            target.Frequency[i] = Frequency[k];
            target.Monetary[i] = Monetary[k];
            target.Segment[i] = Segment[k];
            target.Abc[i] = Abc[k];
            target.Score[i] = Score[k];
            target.Tier[i] = Tier[k];
            target.EarnedTier[i] = EarnedTier[k];
            target.ComputedTier[i] = ComputedTier[k];
            target.PreviousTier[i] = PreviousTier[k];
            target.PeriodsBelow[i] = PeriodsBelow[k];
            target.Flags[i] = Flags[k];
            target.MonetaryTopShare[i] = MonetaryTopShare[k];
            target.FrequencyTopShare[i] = FrequencyTopShare[k];
            target.ValueTopShare[i] = ValueTopShare[k];
            target.AbcShareBefore[i] = AbcShareBefore[k];
            target.GrowthTopShare[i] = GrowthTopShare[k];
        }
    }
}
