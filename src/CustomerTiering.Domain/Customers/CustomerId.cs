namespace CustomerTiering.Domain.Customers;

/// <summary>A customer's id as the source system gives it: 1 to 128 characters, no control characters, trimmed.</summary>
public readonly record struct CustomerId
{
    public const int MaxLength = 128;

    private CustomerId(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? text, out CustomerId id, out string? error)
    {
        var trimmed = text?.Trim();
        error = trimmed switch
        {
            null or "" => "customer id is empty",
            { Length: > MaxLength } => $"customer id is longer than {MaxLength} characters",
            _ when trimmed.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || trimmed.AsSpan().ContainsAnyInRange('\u007F', '\u009F') => "customer id contains control characters",
            _ => null,
        };
        id = error is null ? new CustomerId(trimmed!) : default;
        return error is null;
    }

    public static CustomerId Create(string text) =>
        TryCreate(text, out var id, out var error) ? id : throw new ArgumentException(error, nameof(text));

    public override string ToString() => Value;
}
