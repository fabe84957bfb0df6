using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.TierOverrides;

/// <summary><c>PUT /api/manage/overrides/{customerId}</c>: the customer, and the override as the body.</summary>
public sealed class SetOverrideInput : OverrideInput
{
    [FromBody]
    public OverrideRequest? Body { get; init; }
}
