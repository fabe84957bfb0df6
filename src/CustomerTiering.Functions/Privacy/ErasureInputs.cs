using System.ComponentModel.DataAnnotations;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Portal;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Privacy;

/// <summary><c>POST /api/manage/privacy/erasures</c>: whom to erase.</summary>
public sealed class ErasureInput : HttpInput
{
    [FromBody]
    public ErasureRequestBody? Body { get; init; }
}

/// <summary>A route naming one erasure request.</summary>
public sealed class ErasureIdInput : HttpInput
{
    [FromRoute(Name = "id")]
    [Required(ErrorMessage = "id is an erasure request's id.")]
    [RegularExpression("^[0-9]{19}-[0-9a-f]{8}$", ErrorMessage = "id is an erasure request's id: 19 digits, '-', 8 hex digits.")]
    public string? Id { get; init; }
}

/// <summary>A route naming the customer whose data is asked for; an id with '/' in it arrives encoded.</summary>
public sealed class PersonalDataInput : HttpInput
{
    [FromRoute(Name = "customerId")]
    public CustomerRouteId CustomerId { get; init; }
}
