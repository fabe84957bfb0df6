using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.OpenApi;

/// <summary>An HTTP function as its attributes declare it: name, route (without the <c>api/</c> prefix), methods, and the method itself.</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method)
{
    /// <summary>Every HTTP function of the app, found the way the worker's build finds them: by their attributes.</summary>
    public static IReadOnlyList<HttpFunction> All { get; } =
    [
        .. from type in typeof(HttpFunction).Assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
           where function is not null && trigger is not null
           orderby function.Name
           select new HttpFunction(function.Name, trigger.Route ?? function.Name, [.. (trigger.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant())], method),
    ];

    /// <summary>Whether the method's attributes declare an answer of <paramref name="status"/> itself.</summary>
    public bool Declares(int status) => Method.GetCustomAttributes<ProducesResponseTypeAttribute>().Any(a => a.StatusCode == status);

    /// <summary>
    /// The method as a delegate that minimal APIs can describe (parameters, answers, attributes) and that is never called:
    /// its target is an instance made without its constructor, so none of the app's services is needed.
    /// </summary>
    public Delegate Describe()
    {
        var types = Method.GetParameters().Select(p => p.ParameterType).Append(Method.ReturnType).ToArray();
        return Method.CreateDelegate(Expression.GetDelegateType(types), RuntimeHelpers.GetUninitializedObject(Method.DeclaringType!));
    }
}
