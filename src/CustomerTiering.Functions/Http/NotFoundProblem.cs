using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Http;

/// <summary>404: the thing the route names does not exist (or is not the caller's to see).</summary>
public sealed class NotFoundProblem(string title, string detail) : ProblemResult(Details(404, title, detail)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, 404, typeof(ProblemDetails));
}
