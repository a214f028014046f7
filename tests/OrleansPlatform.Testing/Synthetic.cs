using System.Globalization;
using OrleansPlatform.Households;
using OrleansPlatform.People;

namespace OrleansPlatform.Testing;

/// <summary>
/// Synthetic people and households for tests. ID numbers have a valid check character and agree
/// with the birth date and sex, but are generated, never real; names are placeholders.
/// </summary>
public static class Synthetic
{
    private static int s_sequence = Random.Shared.Next(0, 100_000);

    /// <summary>A valid synthetic ID number for the given birth date, sex, serial (0–499) and area prefix.</summary>
    public static string IdNumber(DateOnly birth, Sex sex, int serial = 0, string area = "610204")
    {
        var digits = (serial % 500 * 2) + (sex == Sex.Male ? 1 : 0); // odd 17th digit for men
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{area}{birth:yyyyMMdd}{digits:D3}");
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>A member with every field filled and consistent, and an ID number no other call returns.</summary>
    public static Member Member(Relation relation, int age, Sex sex = Sex.Male, Health health = Health.Healthy, bool inSchool = false, bool insured = true)
    {
        // One counter picks both the birth date (a day per 500 people) and the serial, so (birth, serial) never repeats.
        var n = Interlocked.Increment(ref s_sequence);
        var birth = new DateOnly(DateTime.UtcNow.Year - age, 1, 1).AddDays(-(n / 500 % 360));
        return new Member
        {
            Name = $"Member {relation} {age}",
            IdNumber = IdNumber(birth, sex, n % 500),
            Sex = sex,
            Relation = relation,
            BirthDate = birth,
            Education = age < 6 ? Education.Preschool : Education.Primary,
            InSchool = inSchool,
            Health = health,
            Labour = age is >= 16 and < 65 ? Labour.Ordinary : Labour.None,
            MedicalInsurance = insured,
            CriticalIllnessInsurance = insured,
        };
    }

    /// <summary>A household of a head and a spouse that meets every guarantee; income as given for 2016.</summary>
    public static HouseholdRecord Household(string villageCode, decimal perCapita2016 = 2000m, params Member[] extraMembers)
    {
        Member[] members = [Member(Relation.Head, 45), Member(Relation.Spouse, 43, Sex.Female), .. extraMembers];
        return new HouseholdRecord
        {
            VillageCode = villageCode,
            Standard = PovertyStandard.National,
            Category = HouseholdCategory.Ordinary,
            PrimaryCause = PovertyCause.LackOfSkills,
            OtherCauses = [PovertyCause.LackOfFunds],
            Members = members,
            Housing = new Housing { Safe = true, Structure = "brick-concrete", AreaM2 = 80 },
            SafeDrinkingWater = true,
            Electricity = true,
            Broadband = false,
            FoodSecure = true,
            ClothingSecure = true,
            Incomes = [new YearIncome { Year = 2016, Wages = perCapita2016 * members.Length, Business = 0, Transfers = 0, Property = 0, ProductionCosts = 0 }],
        };
    }
}
