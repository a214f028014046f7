using OrleansPlatform.Households;
using OrleansPlatform.People;

namespace OrleansPlatform.Cli.Generation;

/// <summary>
/// Hands out synthetic resident ID numbers for one county at a time: the county's 6-digit prefix, the
/// birth date, a sequence that is never repeated for the same county, birth date and sex (so no two
/// people share a number), and a valid check character. Counties are generated one after another,
/// so the counters are per county and reused.
/// </summary>
internal sealed class IdNumberAllocator
{
    /// <summary>Sequences per county, birth date and sex: 3 digits, the last odd for men, even for women.</summary>
    public const int SerialsPerDay = 500;

    private static readonly DateOnly FirstDay = new(1900, 1, 1);
    private readonly int[] used;
    private readonly char[] digits = new char[18];
    private string prefix = "000000";
    private int offset;

    public IdNumberAllocator(DateOnly lastDay) => used = new int[(lastDay.DayNumber - FirstDay.DayNumber + 1) * 2];

    /// <summary>Starts a county: its prefix, and an offset that varies the order its sequences are used in.</summary>
    public void StartCounty(string countyPrefix, int serialOffset)
    {
        prefix = countyPrefix;
        offset = serialOffset % SerialsPerDay;
        Array.Clear(used);
    }

    /// <summary>A new ID number for someone born on <paramref name="birth"/> (moved a day earlier if that day is used up).</summary>
    public (string IdNumber, DateOnly BirthDate) Next(DateOnly birth, Sex sex)
    {
        var slot = ((birth.DayNumber - FirstDay.DayNumber) * 2) + (sex == Sex.Male ? 1 : 0);
        while (used[slot] == SerialsPerDay)
        {
            birth = birth.AddDays(-1);
            slot -= 2;
        }

        // 7 is coprime with 500, so the n-th person of a day and sex gets a distinct sequence for n < 500;
        // the offsets only vary where each day's sequences start.
        var serial = ((used[slot]++ * 7) + offset + (slot * 37)) % SerialsPerDay;
        var sequence = (serial * 2) + (sex == Sex.Male ? 1 : 0);
        prefix.CopyTo(digits);
        Write(digits.AsSpan(6, 4), birth.Year);
        Write(digits.AsSpan(10, 2), birth.Month);
        Write(digits.AsSpan(12, 2), birth.Day);
        Write(digits.AsSpan(14, 3), sequence);
        digits[17] = ResidentId.CheckCharacter(digits);
        return (new string(digits), birth);
    }

    private static void Write(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
