namespace CustomerTiering.Domain.Reasons;

/// <summary>Languages reasons are told in.</summary>
public enum ReasonLanguage
{
    English,
    SimplifiedChinese,
}
