using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Exports.Parsing;

/// <summary>The words exports use for a customer's type, in English and Chinese; anything else is unknown, not an error.</summary>
internal static class CustomerTypeWords
{
    public static CustomerType Read(ReadOnlySpan<char> text) => text.ToString().ToLowerInvariant() switch
    {
        "individual" or "person" or "consumer" or "b2c" or "private" or "个人" or "自然人" => CustomerType.Individual,
        "enterprise" or "company" or "business" or "organisation" or "organization" or "b2b" or "corporate" or "企业" or "公司" or "单位" => CustomerType.Enterprise,
        _ => CustomerType.Unknown,
    };
}
