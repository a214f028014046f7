using System.Globalization;
using OrleansPlatform.Households;
using OrleansPlatform.People;

namespace OrleansPlatform.Silo.Demo;

/// <summary>
/// Builds synthetic people and households for demo data and tests: ID numbers have a valid check
/// character and agree with birth date and sex, but are generated, never real; names are placeholders.
/// </summary>
public static class SyntheticHouseholds
{
    /// <summary>A valid synthetic ID number for a birth date, sex, serial (0–499) and 6-digit area prefix.</summary>
    public static string IdNumber(DateOnly birth, Sex sex, int serial, string area = "610204")
    {
        var digits = (serial % 500 * 2) + (sex == Sex.Male ? 1 : 0); // odd 17th digit for men
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{area}{birth:yyyyMMdd}{digits:D3}");
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>A member with every field filled and consistent with the ID number.</summary>
    public static Member Member(
        Relation relation, DateOnly birth, Sex sex, int serial, DateOnly asOf,
        Health health = Health.Healthy, bool? inSchool = null, bool insured = true)
    {
        var age = ExitStandard.AgeOn(birth, asOf);
        return new Member
        {
            Name = $"Member {relation} {serial}",
            IdNumber = IdNumber(birth, sex, serial),
            Sex = sex,
            Relation = relation,
            BirthDate = birth,
            Education = age < 6 ? Education.Preschool : age < 16 ? Education.Primary : Education.JuniorSecondary,
            InSchool = inSchool ?? age is >= 6 and <= 15,
            Health = health,
            Labour = age is >= 16 and < 65 ? Labour.Ordinary : Labour.None,
            MedicalInsurance = insured,
            CriticalIllnessInsurance = insured,
        };
    }

    /// <summary>A household meeting every guarantee, with wage income giving <paramref name="perCapita2016"/> in 2016.</summary>
    public static HouseholdRecord Household(string villageCode, PovertyCause cause, IReadOnlyList<Member> members, decimal perCapita2016) => new()
    {
        VillageCode = villageCode,
        Standard = PovertyStandard.National,
        Category = HouseholdCategory.Ordinary,
        PrimaryCause = cause,
        OtherCauses = [],
        Members = members,
        Housing = new Housing { Safe = true, Structure = "brick-concrete", AreaM2 = 80 },
        SafeDrinkingWater = true,
        Electricity = true,
        Broadband = false,
        FoodSecure = true,
        ClothingSecure = true,
        Incomes = [new YearIncome { Year = 2016, Wages = perCapita2016 * members.Count, Business = 0, Transfers = 0, Property = 0, ProductionCosts = 0 }],
    };
}
