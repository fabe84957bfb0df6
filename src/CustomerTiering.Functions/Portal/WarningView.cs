using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Functions.Portal;

/// <summary>A separation warning as the API tells it: its code, the tiers and figures, and its text (with the suggestion).</summary>
public sealed record WarningView(string Code, string Tier, string? LowerTier, double? Value, double? Required, string Text)
{
    public static WarningView Of(SeparationWarning warning, ReasonLanguage language)
    {
        ArgumentNullException.ThrowIfNull(warning);
        return new WarningView(warning.Code.ToString(), warning.Tier, warning.LowerTier, warning.Value, warning.Required, WarningRenderer.Render(warning, language));
    }
}
