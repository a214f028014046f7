namespace OrleansPlatform.Access;

/// <summary>Masks ID numbers and phone numbers for callers without the personal-data permission.</summary>
public static class PersonalDataMask
{
    /// <summary>Keeps the first 4 and last 4 characters of an ID number: <c>6102**********1234</c>.</summary>
    public static string? IdNumber(string? value) => Mask(value, 4, 4);

    /// <summary>Keeps the first 3 and last 4 digits of a phone number: <c>138****5678</c>.</summary>
    public static string? Phone(string? value) => Mask(value, 3, 4);

    private static string? Mask(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (value.Length <= keepStart + keepEnd)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
    }
}
