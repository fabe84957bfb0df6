namespace CustomerTiering.Domain.Policy;

/// <summary>One problem of a policy: where (a JSON path such as <c>$.tiers.shares</c>) and why.</summary>
public sealed record PolicyViolation(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
