using System.Security.Cryptography;
using System.Text;

namespace CustomerTiering.Storage;

/// <summary>
/// Blob lease ids derived from the work holding the lease: whoever does that work again (a retry after a crash, on any
/// instance) holds the lease as its own at once instead of waiting for it to lapse.
/// </summary>
public static class LeaseIds
{
    public static string Of(string workId) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(workId)).AsSpan(0, 16)).ToString();
}
