namespace CustomerTiering.Domain.Policy;

/// <summary>A parsed policy, or the reasons there is none.</summary>
public sealed record PolicyParseResult(TieringPolicy? Policy, IReadOnlyList<PolicyViolation> Violations)
{
    public bool IsValid => Policy is not null;

    public static PolicyParseResult Valid(TieringPolicy policy) => new(policy, []);

    public static PolicyParseResult Invalid(PolicyViolation violation) => new(null, [violation]);
}
