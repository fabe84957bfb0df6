using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// The one reader of JSON request bodies: JSON only (415), at most <see cref="MaxBytes"/> whatever Content-Length claims
/// (413), and a parse error told at its path (400). An empty body reads as null, for the input's rules to judge.
/// </summary>
public static class JsonBody
{
    /// <summary>The largest JSON body any endpoint takes; a policy, the largest, is a few KiB.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body's bytes, or why they are refused; empty when there is no body.</summary>
    public static async Task<(byte[] Bytes, RefusedRequest? Refusal)> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is 0)
        {
            return ([], null);
        }

        var bytes = await BoundedBody.ReadAsync(request, MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return ([], RefusedRequest.TooLarge($"A JSON body is at most {MaxBytes / 1024} KiB."));
        }

        return bytes.Length > 0 && !request.HasJsonContentType()
            ? ([], RefusedRequest.UnsupportedType("Send the body as JSON (Content-Type: application/json)."))
            : (bytes, null);
    }

    /// <summary>The body as <paramref name="type"/> with the API's JSON settings, or why it is refused.</summary>
    public static async Task<(object? Value, RefusedRequest? Refusal)> ReadAsync(HttpRequest request, Type type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (bytes, refusal) = await ReadBytesAsync(request, cancellationToken);
        if (refusal is not null || bytes.Length == 0)
        {
            return (null, refusal);
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize(bytes, type, options) is { } value
                ? (value, null)
                : (null, RefusedRequest.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body is JSON null; send an object."] }));
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, RefusedRequest.Invalid(new Dictionary<string, string[]> { [field] = [ex.Message.Split(" Path:", 2)[0].Trim()] }));
        }
    }
}
