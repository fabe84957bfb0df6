using System.Security.Cryptography;
using System.Text;

namespace CustomerTiering.Storage.Privacy;

/// <summary>
/// The keyed hash (HMAC-SHA256) an erased customer id is remembered by. Customer ids are short and guessable: a plain
/// hash could be reversed by hashing every likely id, a keyed one only by whoever holds the key (an app setting, never
/// stored beside the hashes). Ids are compared as ingestion keeps them: trimmed, case-sensitive. Event ids, which name
/// their customer, are kept as the same hash (RelayedEventLedger).
/// </summary>
public sealed class CustomerIdHasher
{
    private readonly byte[] _key;

    public CustomerIdHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The erasure key must be at least 32 bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    public string Hash(ReadOnlySpan<char> customerId)
    {
        var trimmed = customerId.Trim();
        Span<byte> text = trimmed.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(trimmed.Length)] : new byte[Encoding.UTF8.GetMaxByteCount(trimmed.Length)];
        var length = Encoding.UTF8.GetBytes(trimmed, text);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, text[..length], hash);
        return Convert.ToHexStringLower(hash);
    }
}
