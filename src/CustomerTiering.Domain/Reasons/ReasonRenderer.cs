using System.Globalization;
using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Reasons;

/// <summary>Tells structured reasons as plain sentences a salesperson understands, in English or Simplified Chinese.</summary>
public static class ReasonRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Tells a reason in the language, naming tiers and segments as the grade's policy names them.</summary>
    public static string Render(GradeReason reason, ReasonLanguage language, DisplayNames names)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(names);
        var named = Named(reason, language, names);
        return language == ReasonLanguage.SimplifiedChinese ? Chinese(named) : English(named);
    }

    /// <summary>The reason with the tier or segment it names replaced by its display name; ABC classes, credit grades and stages stay.</summary>
    private static GradeReason Named(GradeReason r, ReasonLanguage language, DisplayNames names) => r.Code switch
    {
        ReasonCode.Segment => r with { Tier = names.Segment(r.Tier, language) },
        ReasonCode.Overridden or ReasonCode.HeldByHysteresis => r with { Tier = names.Tier(r.Tier, language), Other = names.Tier(r.Other, language) },
        ReasonCode.OverrideExpired or ReasonCode.TierByRank or ReasonCode.TierByThreshold or ReasonCode.NextTier or ReasonCode.NoRevenue
            or ReasonCode.DemotedAfterPeriods or ReasonCode.DemotedByMargin => r with { Tier = names.Tier(r.Tier, language) },
        _ => r,
    };

    private static string English(GradeReason r) => r.Code switch
    {
        ReasonCode.Overridden => $"{r.Tier} by an administrator's decision until {Day(r.Until)} (the grading gives {r.Other}): {r.Note}",
        ReasonCode.OverrideExpired => $"The override to {r.Tier} expired on {Day(r.Until)} and no longer applies (it was set because: {r.Note}).",
        ReasonCode.TierByRank =>
            $"{r.Tier}: a value score of {Score(r.Value)} ranks in the top {Percent(r.Share)} of customers; {r.Tier} takes the top {Percent(r.Required)} (a score of {Score(r.Threshold)} or more this period).",
        ReasonCode.TierByThreshold => r.Threshold is null
            ? $"{r.Tier}: a value score of {Score(r.Value)}, below the minimum of every higher tier."
            : $"{r.Tier}: a value score of {Score(r.Value)}; {r.Tier} needs {Score(r.Threshold)} or more.",
        ReasonCode.NextTier => $"To reach {r.Tier}, the value score must rise from {Score(r.Value)} to {Score(r.Threshold)}.",
        ReasonCode.NoRevenue => $"No net revenue in the last {r.Count} months, so {r.Tier}, the lowest tier.",
        ReasonCode.HeldByHysteresis =>
            $"Kept in {r.Tier} although the value score of {Score(r.Value)} earns {r.Other}: demotion comes after {Whole(r.Required)} periods below, and this is {r.Count}.",
        ReasonCode.DemotedAfterPeriods => $"Moved down from {r.Tier} after {r.Count} consecutive periods below it.",
        ReasonCode.DemotedByMargin => $"Moved down from {r.Tier} at once: the value score of {Score(r.Value)} fell more than {Whole(r.Required)} points below its cut.",
        ReasonCode.Monetary => $"Net revenue of {Money(r.Value)} in the last {r.Count} months, in the top {Percent(r.Share)} of customers.",
        ReasonCode.Frequency => $"{r.Count} order(s) in the look-back window, in the top {Percent(r.Share)} of customers.",
        ReasonCode.Recency => r.Count is null ? "No order yet." : $"Last order {r.Count} day(s) before the grading date.",
        ReasonCode.Segment => $"RFM scores {r.Other}: {r.Tier}.",
        ReasonCode.Abc => r.Required is null
            ? $"ABC class {r.Tier}: the long tail, behind the customers who bring most revenue."
            : $"ABC class {r.Tier}: the customers ranked ahead bring {Percent(r.Share)} of revenue, and class {r.Tier} runs up to {Percent(r.Required)}.",
        ReasonCode.Lifecycle => r.Tier switch
        {
            nameof(LifecycleStage.Prospect) => "Prospect: no order yet.",
            nameof(LifecycleStage.New) => $"New customer: first order {r.Count} day(s) ago.",
            nameof(LifecycleStage.Churned) => $"Churned: no order for {r.Count} days.",
            _ when r.Share is null => $"{r.Tier}: revenue against the previous period, which had none.",
            _ => $"{r.Tier}: revenue {SignedPercent(r.Share)} against the previous period.",
        },
        ReasonCode.RisingStar =>
            $"Promotion candidate: revenue grew by {Money(r.Value)}, in the top {Percent(r.Share)} of growth among its tiers (candidates are the top {Percent(r.Required)}).",
        ReasonCode.Credit =>
            $"Credit {r.Tier}: paid {Decimal1(r.Value)} day(s) late on average (weighted by amount), {Percent(r.Share)} of invoices late, the oldest open invoice {r.Count} day(s) overdue"
            + (r.Required is { } use ? $", {Percent(use)} of the credit limit used." : ".")
            + (r.Other is null ? "" : $" {r.Other} needs {EnglishBreach(r.Note)}."),
        ReasonCode.NoCreditHistory => "No credit history: no invoice on record, so no credit grade.",
        ReasonCode.Forecast =>
            $"Likely still buying: {Percent(r.Share)} (churn risk {r.Tier?.ToLowerInvariant()}); expected {Decimal1(r.Required)} purchase(s) and {Money(r.Value)} of revenue in the next {r.Count} months.",
        ReasonCode.GradedWithinGroup =>
            $"Graded within {EnglishGroup(r.Other)} {r.Tier}: ranks, tier cuts and shares count only that {EnglishGroup(r.Other)}'s customers.",
        _ => r.Code.ToString(),
    };

    private static string Chinese(GradeReason r) => r.Code switch
    {
        ReasonCode.Overridden => $"{r.Tier}：管理员指定，有效期至 {Day(r.Until)}（评级结果为 {r.Other}）。原因：{r.Note}",
        ReasonCode.OverrideExpired => $"指定为 {r.Tier} 的人工调整已于 {Day(r.Until)} 到期，不再适用（当时的原因：{r.Note}）。",
        ReasonCode.TierByRank =>
            $"{r.Tier}：价值得分 {Score(r.Value)}，位列全部客户前 {Percent(r.Share)}；{r.Tier} 为前 {Percent(r.Required)} 的客户（本期得分须达 {Score(r.Threshold)}）。",
        ReasonCode.TierByThreshold => r.Threshold is null
            ? $"{r.Tier}：价值得分 {Score(r.Value)}，低于所有更高等级的门槛。"
            : $"{r.Tier}：价值得分 {Score(r.Value)}；{r.Tier} 须达 {Score(r.Threshold)} 分。",
        ReasonCode.NextTier => $"升至 {r.Tier} 需将价值得分从 {Score(r.Value)} 提高到 {Score(r.Threshold)}。",
        ReasonCode.NoRevenue => $"近 {r.Count} 个月无净收入，因此为最低等级 {r.Tier}。",
        ReasonCode.HeldByHysteresis =>
            $"价值得分 {Score(r.Value)} 对应 {r.Other}，但仍保留 {r.Tier}：连续 {Whole(r.Required)} 期低于该等级才会降级，目前为第 {r.Count} 期。",
        ReasonCode.DemotedAfterPeriods => $"连续 {r.Count} 期低于 {r.Tier}，已降级。",
        ReasonCode.DemotedByMargin => $"价值得分 {Score(r.Value)} 低于 {r.Tier} 门槛超过 {Whole(r.Required)} 分，立即降级。",
        ReasonCode.Monetary => $"近 {r.Count} 个月净收入 {Money(r.Value)}，位列客户前 {Percent(r.Share)}。",
        ReasonCode.Frequency => $"统计期内订单 {r.Count} 笔，位列客户前 {Percent(r.Share)}。",
        ReasonCode.Recency => r.Count is null ? "尚无订单。" : $"最近一次下单在评级日前 {r.Count} 天。",
        ReasonCode.Segment => $"RFM 得分 {r.Other}：{r.Tier}。",
        ReasonCode.Abc => r.Required is null
            ? $"ABC 分类 {r.Tier}：长尾客户。"
            : $"ABC 分类 {r.Tier}：排名在前的客户贡献 {Percent(r.Share)} 的收入，{r.Tier} 类截至 {Percent(r.Required)}。",
        ReasonCode.Lifecycle => r.Tier switch
        {
            nameof(LifecycleStage.Prospect) => "潜在客户：尚无订单。",
            nameof(LifecycleStage.New) => $"新客户：首单在 {r.Count} 天前。",
            nameof(LifecycleStage.Churned) => $"已流失：{r.Count} 天未下单。",
            _ when r.Share is null => $"{ChineseStage(r.Tier)}：上一期无收入。",
            _ => $"{ChineseStage(r.Tier)}：收入较上一期 {SignedPercent(r.Share)}。",
        },
        ReasonCode.RisingStar =>
            $"升级候选：收入增长 {Money(r.Value)}，增长幅度位列同等级客户前 {Percent(r.Share)}（候选为前 {Percent(r.Required)}）。",
        ReasonCode.Credit =>
            $"信用等级 {r.Tier}：按金额加权平均逾期 {Decimal1(r.Value)} 天，{Percent(r.Share)} 的发票逾期付款，最久未付发票已逾期 {r.Count} 天"
            + (r.Required is { } use ? $"，已用信用额度 {Percent(use)}。" : "。")
            + (r.Other is null ? "" : $"升至 {r.Other} 需{ChineseBreach(r.Note)}。"),
        ReasonCode.NoCreditHistory => "无信用记录：没有发票记录，因此没有信用等级。",
        ReasonCode.Forecast =>
            $"仍在购买的概率 {Percent(r.Share)}（流失风险：{ChineseRisk(r.Tier)}）；预计未来 {r.Count} 个月购买 {Decimal1(r.Required)} 次，带来收入 {Money(r.Value)}。",
        ReasonCode.GradedWithinGroup => $"按{ChineseGroup(r.Other)}分组评级（{r.Tier}）：排名、等级门槛与占比只在该{ChineseGroup(r.Other)}的客户中计算。",
        _ => r.Code.ToString(),
    };

    private static string EnglishBreach(string? breach) => breach switch
    {
        nameof(CreditBreach.DaysLate) => "fewer days late on average",
        nameof(CreditBreach.LateShare) => "fewer invoices paid late",
        nameof(CreditBreach.Overdue) => "no invoice overdue that long",
        _ => "less of the credit limit used",
    };

    private static string ChineseBreach(string? breach) => breach switch
    {
        nameof(CreditBreach.DaysLate) => "减少平均逾期天数",
        nameof(CreditBreach.LateShare) => "减少逾期发票比例",
        nameof(CreditBreach.Overdue) => "缩短未付发票的逾期时间",
        _ => "降低信用额度使用率",
    };

    private static string ChineseRisk(string? risk) => risk switch
    {
        nameof(ChurnRisk.High) => "高",
        nameof(ChurnRisk.Medium) => "中",
        _ => "低",
    };

    private static string Decimal1(double? value) => (value ?? 0).ToString("0.0", Invariant);

    private static string EnglishGroup(string? by) => by switch
    {
        nameof(GradingGroup.Type) => "customer type",
        _ => by?.ToLowerInvariant() ?? "",
    };

    private static string ChineseGroup(string? by) => by switch
    {
        nameof(GradingGroup.Region) => "区域",
        nameof(GradingGroup.Channel) => "渠道",
        nameof(GradingGroup.Owner) => "负责人",
        nameof(GradingGroup.Type) => "客户类型",
        _ => by ?? "",
    };

    // Lifecycle stages are the product's own words, not the policy's.
    private static string ChineseStage(string? stage) => stage switch
    {
        nameof(LifecycleStage.Prospect) => "潜在客户",
        nameof(LifecycleStage.New) => "新客户",
        nameof(LifecycleStage.Growing) => "成长期",
        nameof(LifecycleStage.Stable) => "稳定期",
        nameof(LifecycleStage.Declining) => "衰退期",
        nameof(LifecycleStage.Churned) => "已流失",
        _ => stage ?? "",
    };

    private static string Score(double? value) => (value ?? 0).ToString("0.0", Invariant);

    private static string Whole(double? value) => (value ?? 0).ToString("0", Invariant);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", Invariant) ?? "?";

    private static string Money(double? value) => (value ?? 0).ToString("#,0.00", Invariant);

    private static string Percent(double? share) => ((share ?? 0) * 100).ToString(share < 0.1 ? "0.#" : "0", Invariant) + "%";

    private static string SignedPercent(double? share) => ((share ?? 0) * 100).ToString("+0.#;-0.#;0", Invariant) + "%";
}
