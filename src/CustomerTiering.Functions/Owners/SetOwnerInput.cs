using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Owners;

/// <summary><c>PUT /api/manage/owner-directory/{owner}</c>: the owner, and the user as the body.</summary>
public sealed class SetOwnerInput : OwnerInput
{
    [FromBody]
    public OwnerEntryRequest? Body { get; init; }
}
