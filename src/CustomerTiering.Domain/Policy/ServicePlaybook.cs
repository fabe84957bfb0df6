namespace CustomerTiering.Domain.Policy;

/// <summary>
/// How a tier's customers are served: the point of grading them. Top customers get a dedicated account manager and
/// regular visits, the next tiers phone and e-mail care, the lowest mass mailings and self-service.
/// </summary>
public sealed record ServicePlaybook
{
    /// <summary>Days between proactive contacts; null: none (the customer reaches out).</summary>
    public int? ContactEveryDays { get; init; }

    public IReadOnlyList<ServiceChannel> Channels { get; init; } = [];

    /// <summary>The tier's customers must each have an owner (an account manager).</summary>
    public bool DedicatedManager { get; init; }

    /// <summary>Whose complaints are handled first: 1 before 2.</summary>
    public int ComplaintPriority { get; init; } = 1;

    /// <summary>At most this many of the tier's customers per owner; more flags the owner as overloaded. Null: no limit.</summary>
    public int? MaxAccountsPerOwner { get; init; }

    public IReadOnlyList<LocalizedText> Benefits { get; init; } = [];
}
