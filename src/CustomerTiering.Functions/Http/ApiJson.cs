using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// The API's JSON, configured once for the worker's answers, its body reader and the OpenAPI document alike: camelCase
/// names, enums by camelCase name (as the policy document writes them), nulls written; the types resolved by the
/// source-generated <see cref="ApiJsonContext"/>.
/// </summary>
public static class ApiJson
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));

    /// <summary>Enums as the API writes them, for a message that names a value.</summary>
    public static string Name(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value?.ToString() ?? throw new ArgumentNullException(nameof(value)));

    private static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    }
}
