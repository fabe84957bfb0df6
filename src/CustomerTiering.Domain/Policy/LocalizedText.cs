using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Domain.Policy;

/// <summary>A text of the policy in the two languages the portal speaks.</summary>
public sealed record LocalizedText
{
    public required string En { get; init; }

    public required string Zh { get; init; }

    public string In(ReasonLanguage language) => language == ReasonLanguage.SimplifiedChinese ? Zh : En;

    public static LocalizedText Of(string en, string zh) => new() { En = en, Zh = zh };
}
