using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Functions.Portal;

/// <summary>A reason as the portal shows it: its code, for software, and its sentence, for people.</summary>
public sealed record ReasonView(ReasonCode Code, string Text);
