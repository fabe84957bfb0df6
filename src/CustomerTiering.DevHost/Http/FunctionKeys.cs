using System.Security.Cryptography;
using System.Text;
using CustomerTiering.DevHost.FunctionApp;

namespace CustomerTiering.DevHost.Http;

/// <summary>
/// The local function and master keys (<c>DevHost__FunctionKey</c>, <c>DevHost__MasterKey</c> in local settings), checked
/// against <c>x-functions-key</c> or <c>?code=</c>. No key: 401. A function key on an admin function: 403.
/// </summary>
public sealed class FunctionKeys(AppSettings settings)
{
    private readonly byte[]? _functionKey = KeyBytes(settings[AppSettings.FunctionKey]);
    private readonly byte[]? _masterKey = KeyBytes(settings[AppSettings.MasterKey]);

    public int? Check(HttpRequest request, AuthLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (level == AuthLevel.Anonymous)
        {
            return null;
        }

        var presented = KeyBytes(request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault());
        if (presented is null)
        {
            return StatusCodes.Status401Unauthorized;
        }

        if (Same(presented, _masterKey))
        {
            return null;
        }

        if (Same(presented, _functionKey))
        {
            return level == AuthLevel.Function ? null : StatusCodes.Status403Forbidden;
        }

        return StatusCodes.Status401Unauthorized;
    }

    private static bool Same(byte[] presented, byte[]? key) =>
        key is not null && CryptographicOperations.FixedTimeEquals(presented, key);

    private static byte[]? KeyBytes(string? key) => string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);
}
