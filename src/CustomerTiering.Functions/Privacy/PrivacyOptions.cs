using System.ComponentModel.DataAnnotations;

namespace CustomerTiering.Functions.Privacy;

/// <summary>
/// <c>Privacy__ErasureKey</c>: the key of the hash erased customer ids are remembered by, base64, 32 bytes or more.
/// Generated once per deployment (docs/privacy.md) and never changed: with another key, no erased id would match and
/// an old export could bring its people back.
/// </summary>
public sealed class PrivacyOptions : IValidatableObject
{
    public const string Section = "Privacy";

    [Required(ErrorMessage = "Privacy:ErasureKey is required: 32 random bytes, base64 (docs/privacy.md).")]
    public string? ErasureKey { get; set; }

    /// <summary>A method, not a property: the configuration binder reads properties, and this one needs the key set.</summary>
    public byte[] KeyBytes() => Convert.FromBase64String(ErasureKey!);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ErasureKey is { } key && (!Convert.TryFromBase64String(key, new byte[key.Length], out var length) || length < 32))
        {
            yield return new ValidationResult("Privacy:ErasureKey is 32 bytes or more, base64.", [nameof(ErasureKey)]);
        }
    }
}
