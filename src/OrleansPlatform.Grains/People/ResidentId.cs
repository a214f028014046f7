using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OrleansPlatform.Households;

namespace OrleansPlatform.People;

/// <summary>
/// The 18-character resident ID number (GB 11643): 6 digits area, 8 digits birth date YYYYMMDD,
/// 3 digits sequence (the last odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Validates an ID number; on success returns its birth date and sex, otherwise why it is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateOnly birthDate, out Sex sex, [NotNullWhen(false)] out string? error)
    {
        birthDate = default;
        sex = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "The ID number is required.";
            return false;
        }

        if (text.Length != 18 || !text.AsSpan(0, 17).ContainsOnlyAsciiDigits() || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            error = "An ID number is 17 digits followed by a digit or X.";
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate.Year < 1900)
        {
            error = "The ID number does not contain a real birth date (digits 7–14, YYYYMMDD).";
            return false;
        }

        if (CheckCharacter(text) != text[17])
        {
            error = "The check character (the last one) of the ID number is wrong.";
            return false;
        }

        sex = (text[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        error = null;
        return true;
    }
}

file static class SpanExtensions
{
    public static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
