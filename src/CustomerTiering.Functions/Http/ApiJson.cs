using System.Text.Json.Serialization;

namespace CustomerTiering.Functions.Http;

/// <summary>The API's JSON, configured once for the worker's answers, its body reader and the OpenAPI document alike.</summary>
public static class ApiJson
{
    /// <summary>camelCase names, enums by name, nulls written.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}
