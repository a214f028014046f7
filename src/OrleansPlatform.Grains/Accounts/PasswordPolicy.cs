using System.Security.Cryptography;
using OrleansPlatform.Errors;

namespace OrleansPlatform.Accounts;

/// <summary>
/// What a password must be: 12 to 128 characters, at least three of lower case, upper case, digits
/// and symbols, and not containing the login. Generated passwords always meet it.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>Shortest accepted password.</summary>
    public const int MinLength = 12;

    /// <summary>Longest accepted password.</summary>
    public const int MaxLength = 128;

    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!+=";

    /// <summary>Throws a 400 naming <paramref name="field"/> when <paramref name="password"/> breaks the policy.</summary>
    public static void Check(string login, string? password, string field)
    {
        if (Problem(login, password) is { } problem)
        {
            throw DomainException.Invalid(field, problem);
        }
    }

    /// <summary>What is wrong with <paramref name="password"/>, or null when it meets the policy.</summary>
    public static string? Problem(string login, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "A password is required.";
        }

        if (password.Length is < MinLength or > MaxLength)
        {
            return $"A password has {MinLength} to {MaxLength} characters.";
        }

        var classes = (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3)
        {
            return "A password mixes at least three of: lower case, upper case, digits, symbols.";
        }

        if (password.Contains(login, StringComparison.OrdinalIgnoreCase))
        {
            return "A password must not contain the login.";
        }

        return null;
    }

    /// <summary>A random 20-character password from every character class.</summary>
    public static string Generate()
    {
        const int length = 20;
        var all = Lower + Upper + Digits + Symbols;
        var chars = new char[length];
        chars[0] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[1] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        for (var i = 4; i < length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
