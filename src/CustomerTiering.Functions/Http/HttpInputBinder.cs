using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker.Converters;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// Binds an <see cref="HttpInput"/> before its function runs: reads each property's value from the route, query, a
/// header or the JSON body, parses it (<see cref="HttpValue"/>), then checks the data annotations and
/// <see cref="IValidatableObject"/>. Every problem is collected under the caller's name for the field and handed to the
/// function as <see cref="HttpInput.Refusal"/>; binding itself never fails the invocation.
/// </summary>
public sealed class HttpInputBinder : IInputConverter
{
    private static readonly ConcurrentDictionary<Type, InputField[]> Fields = new();

    public async ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!typeof(HttpInput).IsAssignableFrom(context.TargetType) || context.FunctionContext.GetHttpContext() is not { } http)
        {
            return ConversionResult.Unhandled();
        }

        // The host sends the route's values with the trigger's binding data, as it does for a string parameter.
        return ConversionResult.Success(await BindAsync(context.TargetType, http.Request, context.FunctionContext.BindingContext.BindingData, http.RequestAborted));
    }

    /// <summary>An input of <paramref name="type"/> from <paramref name="request"/> and the route's values, with every problem found in its <see cref="HttpInput.Refusal"/>.</summary>
    public static async Task<HttpInput> BindAsync(Type type, HttpRequest request, IReadOnlyDictionary<string, object?> routeValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(routeValues);
        var input = (HttpInput)Activator.CreateInstance(type)!;
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in Fields.GetOrAdd(type, InputField.Of))
        {
            if (field.Source == InputSource.Body)
            {
                var body = await JsonBody.ReadAsync(request, field.Property.PropertyType, cancellationToken);
                if (body.Refusal is { } refused)
                {
                    input.Refusal = refused;
                    return input;
                }

                field.Property.SetValue(input, body.Value);
                continue;
            }

            var text = field.Source switch
            {
                InputSource.Route => routeValues.TryGetValue(field.Name, out var value) ? value?.ToString() : null,
                InputSource.Header => request.Headers.TryGetValue(field.Name, out var header) ? header.ToString() : null,
                _ => request.Query.TryGetValue(field.Name, out var query) ? query.ToString() : null,
            };
            if (text is null)
            {
                continue;
            }

            if (HttpValue.TryParse(text, field.Property.PropertyType, out var parsed, out var problem))
            {
                field.Property.SetValue(input, parsed);
            }
            else
            {
                problems[field.Name] = [$"{field.Name} {problem}."];
            }
        }

        Validate(input, problems);
        if (problems.Count > 0)
        {
            input.Refusal = RefusedRequest.Invalid(problems);
        }

        return input;
    }

    /// <summary>
    /// The data annotations of every field, then the rules across fields. Each is asked of itself: the validator alone
    /// would skip the cross-field rules while any field is wrong, and the caller is owed every problem at once.
    /// </summary>
    private static void Validate(HttpInput input, Dictionary<string, string[]> problems)
    {
        var results = new List<ValidationResult>();
        foreach (var field in Fields[input.GetType()].Where(f => !problems.ContainsKey(f.Name)))
        {
            Validator.TryValidateProperty(field.Property.GetValue(input), new ValidationContext(input) { MemberName = field.Property.Name }, results);
        }

        if (input is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(new ValidationContext(input)));
        }

        var names = Fields[input.GetType()].ToDictionary(f => f.Property.Name, f => f.Name, StringComparer.Ordinal);
        foreach (var result in results)
        {
            var name = result.MemberNames.FirstOrDefault() is { } member && names.TryGetValue(member, out var field) ? field : "";
            problems.TryAdd(name, [result.ErrorMessage ?? $"{name} is not valid."]);
        }
    }

    private enum InputSource
    {
        Query,
        Route,
        Header,
        Body,
    }

    private sealed record InputField(PropertyInfo Property, InputSource Source, string Name)
    {
        public static InputField[] Of(Type type) =>
            [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite).Select(property =>
                property.GetCustomAttribute<FromRouteAttribute>() is { } route ? new InputField(property, InputSource.Route, route.Name ?? property.Name)
                : property.GetCustomAttribute<FromQueryAttribute>() is { } query ? new InputField(property, InputSource.Query, query.Name ?? property.Name)
                : property.GetCustomAttribute<FromHeaderAttribute>() is { } header ? new InputField(property, InputSource.Header, header.Name ?? property.Name)
                : property.GetCustomAttribute<FromBodyAttribute>() is not null ? new InputField(property, InputSource.Body, "body")
                : throw new InvalidOperationException($"{type.Name}.{property.Name} says neither [FromRoute], [FromQuery], [FromHeader] nor [FromBody]."))
            .Select(field => field.Source == InputSource.Body || HttpValue.IsReadable(field.Property.PropertyType)
                ? field
                : throw new InvalidOperationException($"{type.Name}.{field.Property.Name} cannot be read from text: {field.Property.PropertyType.Name} has no TryParse."))];
    }
}
