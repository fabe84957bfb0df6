using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The opaque token of a list page: the storage continuation, bound to the query it continues (run, filters) by a hash.
/// A token replayed with other filters, or edited to point at another run's rows, is refused: the storage position is
/// only ever used with the query it came from, whose run-scoped filter is applied again.
/// </summary>
public static class ContinuationToken
{
    public const int MaxLength = 1024;

    public static string Create(string query, string continuation) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Token(QueryKey(query), continuation)));

    /// <summary>The storage continuation, or null when the token is malformed or belongs to another query.</summary>
    public static string? Read(string token, string query)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxLength)
        {
            return null;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize<Token>(Base64Url.DecodeFromChars(token));
            return decoded is { Q: { } q, C: { Length: > 0 } c } && q == QueryKey(query) ? c : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string QueryKey(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)).AsSpan(0, 12));

    private sealed record Token(string Q, string C);
}
