using System.Security.Claims;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerTiering.Benchmarks;

/// <summary>
/// What the worker does with every request's bearer token, alone: an Entra-shaped access token signed RS256 with a
/// 2048-bit key, validated by the handler ASP.NET Core's JWT bearer authentication uses, with the app's parameters
/// (issuer, audience, lifetime with a minute's skew, signature against the cached key). Target: under 0.3 ms at p50
/// per request, which the portal benchmark checks end to end (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TokenValidationBenchmark
{
    private const string Issuer = "https://login.microsoftonline.com/00000000-0000-4000-8000-00000000aaaa/v2.0";
    private const string Audience = "api://customer-tiering";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private TokenValidationParameters _parameters = null!;
    private string _token = "";

    [GlobalSetup]
    public void Setup()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "bench-key" };
        var now = DateTime.UtcNow;
        _token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim("oid", "00000000-0000-4000-8000-000000000001"), new Claim("name", "Li Na"), new Claim("preferred_username", "li.na@example.com"),
                new Claim("roles", "Tiers.ReadOwnBook"), new Claim("tid", "00000000-0000-4000-8000-00000000aaaa"), new Claim("ver", "2.0"),
            ]),
        });
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = key,
            ClockSkew = TimeSpan.FromMinutes(1),
            NameClaimType = "name",
            RoleClaimType = "roles",
        };
    }

    [Benchmark]
    public async Task<bool> ValidateAccessToken() => (await _handler.ValidateTokenAsync(_token, _parameters)).IsValid
        ? true
        : throw new InvalidOperationException("The benchmark's token did not validate.");
}
