using CustomerTiering.Functions.Access;

namespace CustomerTiering.Functions.OpenApi;

/// <summary>The OpenAPI document and the reference page (with its scripts), anonymous; served by <see cref="ApiReference"/>.</summary>
public sealed class ApiReferenceFunctions(ApiReference reference)
{
    [Function("GetOpenApi")]
    [CallableByAnyone]
    public IResult GetDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) => reference.Serve();

    [Function("GetApiDocs")]
    [CallableByAnyone]
    public IResult GetPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{*path}")] HttpRequest request) => reference.Serve();
}
