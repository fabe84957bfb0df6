using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// 400 with every problem of the request under its field's name (<see cref="HttpValidationProblemDetails"/>); for a
/// function that takes a body, also 413 (too large) and 415 (not JSON). Made by <see cref="HttpInputBinder"/> and
/// <see cref="JsonBody"/>, or by a function for a rule that needs storage to check (a tier the current policy has).
/// </summary>
public sealed class RefusedRequest : ProblemResult, IEndpointMetadataProvider
{
    private RefusedRequest(ProblemDetails problem)
        : base(problem)
    {
    }

    public static RefusedRequest Invalid(IDictionary<string, string[]> errors, string title = "The request is not valid") =>
        new(new HttpValidationProblemDetails(errors) { Status = 400, Title = title });

    public static RefusedRequest Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });

    public static RefusedRequest TooLarge(string detail) => new(Details(413, "Request too large", detail));

    public static RefusedRequest UnsupportedType(string detail) => new(Details(415, "Unsupported content type", detail));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        Declare(builder, 400, typeof(HttpValidationProblemDetails));
        if (TakesBody(method))
        {
            Declare(builder, 413, typeof(ProblemDetails));
            Declare(builder, 415, typeof(ProblemDetails));
        }
    }

    private static bool TakesBody(MethodInfo method) =>
        method.GetCustomAttribute<ConsumesAttribute>() is not null
        || method.GetParameters().Any(p => typeof(HttpInput).IsAssignableFrom(p.ParameterType)
                                           && p.ParameterType.GetProperties().Any(q => q.GetCustomAttribute<FromBodyAttribute>() is not null));
}
