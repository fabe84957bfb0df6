using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using CustomerTiering.Domain.Customers;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// A customer id (or an owner's name) as it arrives in a route. ASP.NET Core decodes every escape in a path except
/// <c>%2F</c> (a decoded '/' would split the segment), and the hosts forward it that way, so an id with '/' arrives as
/// <c>A%2FB</c>: turned back here. The one id this cannot reach is one holding the text <c>%2F</c> itself, which reads as '/'.
/// </summary>
[Description("is a customer id: 1 to 128 characters, no control characters, no spaces around it")]
public readonly record struct CustomerRouteId : IParsable<CustomerRouteId>
{
    private CustomerRouteId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CustomerRouteId result)
    {
        var decoded = s?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var valid = CustomerId.TryCreate(decoded, out var id, out _) && id.Value == decoded;
        result = valid ? new CustomerRouteId(decoded!) : default;
        return valid;
    }

    public static CustomerRouteId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is no customer id.");

    public override string ToString() => Value;
}
