using System.Globalization;

namespace CustomerTiering.Functions.Http;

/// <summary>Reads an optional whole-number query parameter within bounds.</summary>
public static class QueryNumber
{
    /// <summary>False when <paramref name="text"/> is present but not a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static bool TryRead(string? text, int min, int max, int fallback, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
