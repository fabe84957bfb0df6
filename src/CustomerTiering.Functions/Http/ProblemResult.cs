using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// A refusal written as problem+json. Each kind is its own type so that a function's return type
/// (<c>Results&lt;Ok&lt;T&gt;, NotFoundProblem, …&gt;</c>) says which statuses it answers, and the OpenAPI document takes them from it.
/// </summary>
public abstract class ProblemResult(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    public ProblemDetails Value => problem;

    object? IValueHttpResult.Value => problem;

    public int? StatusCode => problem.Status;

    public string ContentType => "application/problem+json";

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(problem).ExecuteAsync(httpContext);

    protected static ProblemDetails Details(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var details = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }

        return details;
    }

    protected static void Declare(EndpointBuilder builder, int status, Type type)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, type, ["application/problem+json"]));
    }
}
