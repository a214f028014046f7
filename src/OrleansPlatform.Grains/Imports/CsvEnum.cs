using System.Text.Json;

namespace OrleansPlatform.Imports;

/// <summary>Enum values spelled as the JSON API spells them (camelCase names), without reflection per call.</summary>
internal static class CsvEnum<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = [.. Values.Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];

    /// <summary>The accepted names, for error messages.</summary>
    public static string Expected { get; } = string.Join(", ", Names);

    public static string Name(T value)
    {
        var index = Array.IndexOf(Values, value);
        return index >= 0 ? Names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(T).Name}.");
    }

    /// <summary>Matches a name case-insensitively, as the JSON API does; numbers are not accepted.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out T value)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (text.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
            {
                value = Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}
