using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Http;

/// <summary>409: the request is sound but clashes with what is there (a run going, a version that exists).</summary>
public sealed class ConflictProblem(string title, string detail, IDictionary<string, object?>? extensions = null)
    : ProblemResult(Details(409, title, detail, extensions)), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Declare(builder, 409, typeof(ProblemDetails));
}
