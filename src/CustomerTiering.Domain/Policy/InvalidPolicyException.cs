namespace CustomerTiering.Domain.Policy;

/// <summary>Grading was asked to use a policy that does not validate.</summary>
public sealed class InvalidPolicyException(IReadOnlyList<PolicyViolation> violations)
    : Exception("The tiering policy is invalid: " + string.Join("; ", violations))
{
    public IReadOnlyList<PolicyViolation> Violations { get; } = violations;
}
