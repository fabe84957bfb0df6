namespace CustomerTiering.Functions.Health;

/// <summary>The body of the anonymous <c>GET /api/health</c>: <c>healthy</c> or <c>unhealthy</c>, nothing an attacker could use.</summary>
public sealed record HealthStatus(string Status);
