using System.Diagnostics.CodeAnalysis;

namespace OrleansPlatform.Areas;

/// <summary>
/// China's 12-digit statistical division code: 2 digits province, 2 city, 2 county, 3 town, 3 village.
/// Trailing zero segments mark the higher levels; the level is that of the last non-zero segment and
/// the parent is the code with that segment zeroed. A zero segment above a non-zero one is allowed
/// (towns directly under a city, such as Dongguan's, have county segment 00).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.AreaCode")]
public readonly record struct AreaCode
{
    /// <summary>Number of characters in a code.</summary>
    public const int Length = 12;

    private static readonly (int Start, int Length, AreaLevel Level)[] Segments =
    [
        (0, 2, AreaLevel.Province),
        (2, 2, AreaLevel.City),
        (4, 2, AreaLevel.County),
        (6, 3, AreaLevel.Town),
        (9, 3, AreaLevel.Village),
    ];

    private AreaCode(string value) => Value = value;

    /// <summary>The 12 digits.</summary>
    [Id(0)]
    public string Value { get; }

    /// <summary>The level this code denotes.</summary>
    public AreaLevel Level
    {
        get
        {
            for (var i = Segments.Length - 1; i >= 0; i--)
            {
                if (!IsZero(Value, Segments[i].Start, Segments[i].Length))
                {
                    return Segments[i].Level;
                }
            }

            throw new InvalidOperationException("An area code always has a non-zero province segment.");
        }
    }

    /// <summary>The code of the containing area, or null for a province.</summary>
    public AreaCode? Parent
    {
        get
        {
            var level = Level;
            if (level == AreaLevel.Province)
            {
                return null;
            }

            var segment = Segments[(int)level - 1];
            var digits = Value.ToCharArray();
            for (var i = segment.Start; i < Length; i++)
            {
                digits[i] = '0';
            }

            return new AreaCode(new string(digits));
        }
    }

    /// <summary>The significant digits: every code of this area and below starts with them (e.g. <c>610204</c> for a county).</summary>
    public string Prefix
    {
        get
        {
            var segment = Segments[(int)Level - 1];
            return Value[..(segment.Start + segment.Length)];
        }
    }

    /// <summary>True when <paramref name="other"/> is this area or lies below it.</summary>
    public bool Contains(AreaCode other) => other.Value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Parses a code; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        out AreaCode code,
        [NotNullWhen(false)] out string? error)
    {
        code = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "The area code is required.";
            return false;
        }

        if (text.Length != Length || !text.All(char.IsAsciiDigit))
        {
            error = $"An area code is exactly {Length} digits (2 province, 2 city, 2 county, 3 town, 3 village), e.g. 610204100201.";
            return false;
        }

        if (IsZero(text, 0, 2))
        {
            error = "The province segment (first 2 digits) of an area code cannot be 00.";
            return false;
        }

        code = new AreaCode(text);
        error = null;
        return true;
    }

    /// <summary>Parses a code known to be valid; throws <see cref="FormatException"/> otherwise.</summary>
    public static AreaCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <inheritdoc/>
    public override string ToString() => Value;

    private static bool IsZero(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (text[i] != '0')
            {
                return false;
            }
        }

        return true;
    }
}
