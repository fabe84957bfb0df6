using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Domain.Policy;

/// <summary>
/// How tiers and segments are named to people, in English and Chinese: as the policy's <c>displayNames</c> say; else as
/// the default policy says for the same name (policies saved before display names existed keep their translations);
/// else the name itself, which is what a tier or segment the policy renamed without a display name reads as.
/// </summary>
public sealed class DisplayNames
{
    private readonly TieringPolicy? _policy;

    private DisplayNames(TieringPolicy? policy) => _policy = policy;

    /// <summary>The default policy's names: for grades whose policy version is no longer stored.</summary>
    public static DisplayNames Default { get; } = new(null);

    public static DisplayNames Of(TieringPolicy? policy) => policy is null ? Default : new DisplayNames(policy);

    public string Tier(string? tier, ReasonLanguage language) =>
        Name(tier, language, _policy?.Tiers.DisplayNames, TieringPolicy.Default.Tiers.DisplayNames);

    public string Segment(string? segment, ReasonLanguage language) =>
        Name(segment, language, _policy?.Rfm.DisplayNames, TieringPolicy.Default.Rfm.DisplayNames);

    private static string Name(
        string? name, ReasonLanguage language, IReadOnlyDictionary<string, LocalizedText>? own, IReadOnlyDictionary<string, LocalizedText> defaults) =>
        name is null ? ""
        : own?.GetValueOrDefault(name) is { } text ? text.In(language)
        : defaults.GetValueOrDefault(name) is { } fallback ? fallback.In(language)
        : name;
}
