namespace CustomerTiering.Domain.Policy;

/// <summary>Every threshold of grading, versioned. Same data and same policy version give the same grades.</summary>
public sealed record TieringPolicy
{
    public required string Version { get; init; }

    /// <summary>Months of history graded, ending at the as-of date; the same length before it is the growth baseline.</summary>
    public int LookbackMonths { get; init; } = 12;

    public required RfmPolicy Rfm { get; init; }

    public required AbcPolicy Abc { get; init; }

    public required TierPolicy Tiers { get; init; }

    public required LifecyclePolicy Lifecycle { get; init; }

    public required RisingStarPolicy RisingStars { get; init; }

    public required HysteresisPolicy Hysteresis { get; init; }

    /// <summary>Grade within each region, channel, owner or customer type rather than over all customers at once.</summary>
    public GradingGroup GroupBy { get; init; } = GradingGroup.None;

    /// <summary>The credit evaluation standard: grades and the payment limits of each.</summary>
    public CreditPolicy Credit { get; init; } = new();

    /// <summary>The churn-risk and spend forecast: horizon and risk bands.</summary>
    public ForecastPolicy Forecast { get; init; } = new();

    /// <summary>When neighbouring tiers count as not different enough: thresholds of the run's separation warnings.</summary>
    public SeparationPolicy Separation { get; init; } = new();

    /// <summary>The segments and lifecycle stages whose entry raises an event, besides tier changes.</summary>
    public SlipEventPolicy SlipEvents { get; init; } = new();

    /// <summary>Each tier's service playbook, by tier name; a tier without one has no playbook.</summary>
    public IReadOnlyDictionary<string, ServicePlaybook> Service { get; init; } = new Dictionary<string, ServicePlaybook>();

    /// <summary>The policy that works out of the box; <c>policy/default-policy.json</c> is the same document.</summary>
    public static TieringPolicy Default { get; } = new()
    {
        Version = "default-3",
        LookbackMonths = 12,
        Rfm = new RfmPolicy
        {
            Bins = 5,
            Segments =
            [
                new("Champions", [4, 5], [4, 5]),
                new("Loyal Customers", [3, 3], [3, 5]),
                new("Potential Loyalists", [4, 5], [2, 3]),
                new("New Customers", [5, 5], [1, 1]),
                new("Promising", [4, 4], [1, 1]),
                new("Need Attention", [3, 3], [2, 2]),
                new("About to Sleep", [3, 3], [1, 1]),
                new("At Risk", [1, 2], [3, 4]),
                new("Can't Lose Them", [1, 2], [5, 5]),
                new("Hibernating", [2, 2], [1, 2]),
                new("Lost", [1, 1], [1, 2]),
            ],
            DisplayNames = new Dictionary<string, LocalizedText>
            {
                ["Champions"] = LocalizedText.Of("Champions", "冠军客户"),
                ["Loyal Customers"] = LocalizedText.Of("Loyal Customers", "忠诚客户"),
                ["Potential Loyalists"] = LocalizedText.Of("Potential Loyalists", "潜力忠诚客户"),
                ["New Customers"] = LocalizedText.Of("New Customers", "新客户"),
                ["Promising"] = LocalizedText.Of("Promising", "有潜力客户"),
                ["Need Attention"] = LocalizedText.Of("Need Attention", "需要关注"),
                ["About to Sleep"] = LocalizedText.Of("About to Sleep", "即将沉睡"),
                ["At Risk"] = LocalizedText.Of("At Risk", "有流失风险"),
                ["Can't Lose Them"] = LocalizedText.Of("Can't Lose Them", "不能失去的客户"),
                ["Hibernating"] = LocalizedText.Of("Hibernating", "休眠客户"),
                ["Lost"] = LocalizedText.Of("Lost", "已流失客户"),
            },
        },
        Abc = new AbcPolicy { Basis = AbcBasis.Revenue, AUpTo = 0.80, BUpTo = 0.95 },
        Tiers = new TierPolicy
        {
            Names = ["VIP", "A", "B", "C", "D"],
            Method = TierMethod.RankShare,
            Shares = [0.01, 0.04, 0.15, 0.30, 0.50],
            Weights = new ValueWeights { Monetary = 0.40, Frequency = 0.20, Recency = 0.15, Margin = 0.10, Breadth = 0.05, Growth = 0.10 },
            DisplayNames = new Dictionary<string, LocalizedText>
            {
                ["VIP"] = LocalizedText.Of("VIP", "VIP"),
                ["A"] = LocalizedText.Of("A", "A 级"),
                ["B"] = LocalizedText.Of("B", "B 级"),
                ["C"] = LocalizedText.Of("C", "C 级"),
                ["D"] = LocalizedText.Of("D", "D 级"),
            },
        },
        Lifecycle = new LifecyclePolicy { NewWithinDays = 90, ChurnAfterDays = 365, GrowingAbove = 0.10, DecliningBelow = -0.10 },
        RisingStars = new RisingStarPolicy { Tiers = ["C", "D"], TopShare = 0.10 },
        Hysteresis = new HysteresisPolicy { PeriodsBelow = 2, Margin = 10 },
        Service = new Dictionary<string, ServicePlaybook>
        {
            ["VIP"] = new()
            {
                ContactEveryDays = 30, Channels = [ServiceChannel.Visit, ServiceChannel.Phone, ServiceChannel.Email], DedicatedManager = true,
                ComplaintPriority = 1, MaxAccountsPerOwner = 25,
                Benefits =
                [
                    LocalizedText.Of("A dedicated account manager and a business review every quarter", "专属客户经理，每季度一次业务回顾"),
                    LocalizedText.Of("Complaints handled first, by a senior colleague", "投诉优先处理，由资深同事负责"),
                    LocalizedText.Of("First look at new products and invitations to events", "新品优先体验与活动邀请"),
                ],
            },
            ["A"] = new()
            {
                ContactEveryDays = 60, Channels = [ServiceChannel.Phone, ServiceChannel.Email, ServiceChannel.Visit], DedicatedManager = true,
                ComplaintPriority = 2, MaxAccountsPerOwner = 60,
                Benefits =
                [
                    LocalizedText.Of("A named account manager", "指定客户经理"),
                    LocalizedText.Of("Price and volume review twice a year", "每半年一次价格与采购量评估"),
                ],
            },
            ["B"] = new()
            {
                ContactEveryDays = 90, Channels = [ServiceChannel.Phone, ServiceChannel.Email], ComplaintPriority = 3,
                Benefits = [LocalizedText.Of("Regular phone and e-mail care", "定期电话与邮件关怀"), LocalizedText.Of("Seasonal offers", "季节性优惠")],
            },
            ["C"] = new()
            {
                ContactEveryDays = 180, Channels = [ServiceChannel.Email, ServiceChannel.MassMailing], ComplaintPriority = 4,
                Benefits = [LocalizedText.Of("Newsletters and promotions", "资讯简报与促销活动")],
            },
            ["D"] = new()
            {
                Channels = [ServiceChannel.MassMailing, ServiceChannel.SelfService], ComplaintPriority = 5,
                Benefits = [LocalizedText.Of("Self-service and mass mailings", "自助服务与群发邮件")],
            },
        },
    };
}
