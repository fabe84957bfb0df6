using Microsoft.Azure.Functions.Worker.Converters;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// What an HTTP function reads from its request, as one typed record: each public property says where its value comes
/// from (<c>[FromRoute]</c>, <c>[FromQuery]</c>, <c>[FromHeader]</c>, <c>[FromBody]</c>, with the name the caller uses) and its
/// rules as data annotations. The function takes it as an <c>[AsParameters]</c> parameter: the worker binds it with
/// <see cref="HttpInputBinder"/>, and the OpenAPI document describes the same properties as the operation's parameters.
/// </summary>
[InputConverter(typeof(HttpInputBinder))]
public abstract class HttpInput
{
    /// <summary>Every problem binding found, as one answer; null when the input is whole and valid.</summary>
    internal RefusedRequest? Refusal { get; set; }
}
