using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// Parses one route, query or header value into its property's type: text as it came, whole numbers without sign or
/// spaces, true/false, days as yyyy-MM-dd, enums by name in any case, and any type with a static <c>TryParse</c> (the typed ids, the period), whose
/// <see cref="DescriptionAttribute"/> says what a value must be ("is a run id: …"), told when it is not one.
/// </summary>
public static class HttpValue
{
    /// <summary>Whether values of <paramref name="type"/> can be read from text at all.</summary>
    public static bool IsReadable(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) || target == typeof(int) || target == typeof(bool) || target == typeof(DateOnly) || target.IsEnum || TryParseOf(target) is not null;
    }

    public static bool TryParse(string text, Type type, out object? value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        problem = "";
        value = null;
        if (target == typeof(string))
        {
            value = text;
            return true;
        }

        if (target == typeof(int))
        {
            var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
            value = number;
            problem = "must be a whole number";
            return ok;
        }

        if (target == typeof(bool))
        {
            var ok = bool.TryParse(text, out var flag);
            value = flag;
            problem = "is true or false";
            return ok;
        }

        if (target == typeof(DateOnly))
        {
            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
            value = day;
            problem = "is a day, yyyy-MM-dd";
            return ok;
        }

        if (target.IsEnum)
        {
            // By one name, in any case: "1" is no export kind, and "new,growing" no stage.
            var ok = !char.IsAsciiDigit(text.FirstOrDefault()) && !text.StartsWith('-') && Enum.TryParse(target, text, ignoreCase: true, out value)
                     && Enum.IsDefined(target, value!);
            problem = $"is one of {string.Join(", ", Enum.GetValues(target).Cast<Enum>().Select(ApiJson.Name))}";
            return ok;
        }

        var parse = TryParseOf(target)
            ?? throw new InvalidOperationException($"{target.Name} cannot be read from a request: it has no TryParse(string, [IFormatProvider,] out {target.Name}).");
        object?[] arguments = parse.GetParameters().Length == 2 ? [text, null] : [text, CultureInfo.InvariantCulture, null];
        if ((bool)parse.Invoke(null, arguments)!)
        {
            value = arguments[^1];
            return true;
        }

        problem = target.GetCustomAttribute<DescriptionAttribute>()?.Description ?? $"is not a {target.Name}";
        return false;
    }

    private static MethodInfo? TryParseOf(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()])
        ?? type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
}
