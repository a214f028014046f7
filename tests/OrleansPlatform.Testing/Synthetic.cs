using OrleansPlatform.Areas;
using OrleansPlatform.Households;
using OrleansPlatform.Silo.Demo;

namespace OrleansPlatform.Testing;

/// <summary>
/// Synthetic people and households for tests (see <see cref="SyntheticHouseholds"/>), with ID
/// numbers that no other call in the test run returns.
/// </summary>
public static class Synthetic
{
    private static int s_sequence = Random.Shared.Next(0, 100_000);

    /// <summary>The village 610204100201 with its province, city, county and town, created through their grains.</summary>
    public static async Task<string> VillageAsync(IGrainFactory grains)
    {
        foreach (var (code, name) in new[] { ("610000000000", "P"), ("610200000000", "C"), ("610204000000", "X"), ("610204100000", "T"), ("610204100201", "V") })
        {
            await grains.GetGrain<IAreaGrain>(code).UpsertAsync(new AreaInput(name, null));
        }

        return "610204100201";
    }

    /// <summary>A valid synthetic ID number for the given birth date, sex and serial (0–499).</summary>
    public static string IdNumber(DateOnly birth, Sex sex, int serial = 0) => SyntheticHouseholds.IdNumber(birth, sex, serial);

    /// <summary>A member aged about <paramref name="age"/> with every field filled and a unique ID number.</summary>
    public static Member Member(Relation relation, int age, Sex sex = Sex.Male, Health health = Health.Healthy, bool inSchool = false, bool insured = true)
    {
        // One counter picks both the birth date (a day per 500 people) and the serial, so (birth, serial) never repeats.
        var n = Interlocked.Increment(ref s_sequence);
        var birth = new DateOnly(DateTime.UtcNow.Year - age, 1, 1).AddDays(-(n / 500 % 360));
        return SyntheticHouseholds.Member(relation, birth, sex, n % 500, DateOnly.FromDateTime(DateTime.UtcNow), health, inSchool, insured);
    }

    /// <summary>A household of a head and a spouse that meets every guarantee; income as given for 2016.</summary>
    public static HouseholdRecord Household(string villageCode, decimal perCapita2016 = 2000m, params Member[] extraMembers) =>
        SyntheticHouseholds.Household(
            villageCode,
            PovertyCause.LackOfSkills,
            [Member(Relation.Head, 45), Member(Relation.Spouse, 43, Sex.Female), .. extraMembers],
            perCapita2016) with
        {
            OtherCauses = [PovertyCause.LackOfFunds],
        };
}
