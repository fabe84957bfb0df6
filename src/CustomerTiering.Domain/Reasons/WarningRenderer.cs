using System.Globalization;
using CustomerTiering.Domain.Grading;

namespace CustomerTiering.Domain.Reasons;

/// <summary>Tells a run's warning (tiers that do not separate, top-tier customers with poor credit), with a suggested change, in English or Simplified Chinese.</summary>
public static class WarningRenderer
{
    public static string Render(SeparationWarning warning, ReasonLanguage language)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var (value, required, share) = (Number(warning.Value), Number(warning.Required), Percent(warning.Share));
        return (warning.Code, language == ReasonLanguage.SimplifiedChinese) switch
        {
            (SeparationCode.MeanNotSeparated, false) =>
                $"{warning.Tier} customers bring on average only {value}× what {warning.LowerTier} customers bring (the policy asks for {required}×): the two tiers hardly differ. Raise the monetary weight in tiers.weights, or cut the tiers on the ABC basis.",
            (SeparationCode.MeanNotSeparated, true) =>
                $"{warning.Tier} 客户的平均收入仅为 {warning.LowerTier} 客户的 {value} 倍（策略要求 {required} 倍）：两个等级差别不大。建议提高 tiers.weights 中的金额权重，或按 ABC 分类划分等级。",
            (SeparationCode.MedianNotSeparated, false) =>
                $"The median {warning.Tier} customer brings only {value}× the median {warning.LowerTier} customer (the policy asks for {required}×). Raise the monetary weight, or narrow {warning.Tier}'s share.",
            (SeparationCode.MedianNotSeparated, true) =>
                $"{warning.Tier} 客户收入的中位数仅为 {warning.LowerTier} 的 {value} 倍（策略要求 {required} 倍）。建议提高金额权重，或缩小 {warning.Tier} 的占比。",
            (SeparationCode.EmptyTier, false) => $"{warning.Tier} has no customer this period: give it a share, or lower its threshold.",
            (SeparationCode.EmptyTier, true) => $"本期 {warning.Tier} 没有客户：请为其设置占比或降低门槛。",
            (SeparationCode.TopTiersUnderweight, false) =>
                $"{warning.Tier} hold {share} of customers but bring only {Percent(warning.Value)} of revenue (the policy asks for at least {Percent(warning.Required)}). Raise the monetary weight, or shrink their shares.",
            (SeparationCode.TopTiersUnderweight, true) =>
                $"{warning.Tier} 占客户的 {share}，却只贡献 {Percent(warning.Value)} 的收入（策略要求至少 {Percent(warning.Required)}）。建议提高金额权重，或缩小其占比。",
            (SeparationCode.TopTierPoorCredit, false) =>
                $"{value} {warning.Tier} customer(s) have credit grade {warning.LowerTier}: they pay late or owe too much. Review their credit terms before serving them as {warning.Tier}.",
            (SeparationCode.TopTierPoorCredit, true) =>
                $"{value} 位 {warning.Tier} 客户的信用等级为 {warning.LowerTier}：付款拖延或欠款过多。请先复核其信用条件，再按 {warning.Tier} 服务。",
            _ => warning.Code.ToString(),
        };
    }

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";

    private static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "?";
}
