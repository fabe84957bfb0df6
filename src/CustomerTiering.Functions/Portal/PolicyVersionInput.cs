using System.ComponentModel.DataAnnotations;
using CustomerTiering.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Portal;

/// <summary>A route naming one stored policy version.</summary>
public sealed class PolicyVersionInput : HttpInput
{
    [FromRoute(Name = "version")]
    [StringLength(64, MinimumLength = 1, ErrorMessage = "A policy version is 1 to 64 characters.")]
    public string Version { get; init; } = "";
}
