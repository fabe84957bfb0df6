using CustomerTiering.Storage.Privacy;

namespace CustomerTiering.Testing;

/// <summary>The erasure key every test app and store uses: fixed, so a test can hash an id the way the app does.</summary>
public static class TestKeys
{
    public const string ErasureKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    public static CustomerIdHasher Hasher { get; } = new(Convert.FromBase64String(ErasureKey));
}
