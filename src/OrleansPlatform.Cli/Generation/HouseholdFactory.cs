using OrleansPlatform.Households;

namespace OrleansPlatform.Cli.Generation;

/// <summary>
/// Makes one plausible household record at a time. A household that is "exit-ready" meets the 2016
/// exit standard (national standard, per-capita income above the line, every guarantee); any other
/// fails it for one reason, most often income below the line.
/// </summary>
internal sealed class HouseholdFactory
{
    /// <summary>The day the records describe: ages, school and incomes are as of the end of 2016.</summary>
    public static readonly DateOnly AsOf = new(2016, 12, 31);

    /// <summary>The 2016 national poverty line (domain facts; the platform reads it from configuration).</summary>
    public const decimal Line2016 = 2952m;

    // Main causes: illness most common, then lack of funds, skills, labour (shares of registered households).
    private static readonly double[] CauseWeights =
    [
        0, // enum values start at 1
        0.42, 0.07, 0.05, 0.03, 0.005, 0.015, 0.01, 0.12, 0.14, 0.09, 0.02, 0.02, 0.01,
    ];

    private static readonly string[] SafeStructures = ["brick-concrete", "brick-wood", "steel-concrete", "wood", "stone"];
    private static readonly double[] SafeStructureWeights = [0.55, 0.3, 0.05, 0.05, 0.05];
    private static readonly string[] UnsafeStructures = ["adobe", "brick-wood", "wood"];
    private static readonly double[] UnsafeStructureWeights = [0.6, 0.2, 0.2];

    private readonly Random random;
    private readonly IdNumberAllocator ids;
    private readonly List<Member> members = new(6);

    public HouseholdFactory(Random random, IdNumberAllocator ids)
    {
        this.random = random;
        this.ids = ids;
    }

    /// <summary>Why a household that is not exit-ready fails the standard.</summary>
    private enum Shortfall
    {
        None,
        Income,
        Housing,
        Water,
        Medical,
        FoodOrClothing,
        Schooling,
    }

    public HouseholdRecord Create(string villageCode, int size, bool exitReady)
    {
        var shortfall = exitReady ? Shortfall.None : (Shortfall)(1 + random.Pick([0.72, 0.09, 0.07, 0.05, 0.03, 0.04]));
        var cause = (PovertyCause)random.Pick(CauseWeights);
        CreateMembers(size, cause);
        if (shortfall == Shortfall.Schooling && !members.Exists(m => IsSchoolAge(m)))
        {
            shortfall = Shortfall.Income;
        }

        ApplyShortfall(shortfall);
        var head = members[0];
        var elderlyAlone = size == 1 && ExitStandard.AgeOn(head.BirthDate!.Value, AsOf) >= 60;
        var category = elderlyAlone
            ? (HouseholdCategory)random.Pick([0, 0.35, 0.25, 0.4])
            : (HouseholdCategory)random.Pick([0, 0.74, 0.17, 0, 0.09]);
        var standard = exitReady ? PovertyStandard.National : (PovertyStandard)random.Pick([0, 0.9, 0.08, 0.02]);
        var unsafeHousing = shortfall == Shortfall.Housing || (shortfall == Shortfall.Income && random.Chance(0.1));
        var unsafeWater = shortfall == Shortfall.Water || (shortfall == Shortfall.Income && random.Chance(0.08));
        var hunger = shortfall == Shortfall.FoodOrClothing ? random.Pick([0.5, 0.2, 0.3]) : -1; // food, clothing, both

        return new HouseholdRecord
        {
            VillageCode = villageCode,
            Standard = standard,
            Category = category,
            PrimaryCause = cause,
            OtherCauses = OtherCauses(cause),
            Members = [.. members],
            Housing = new Housing
            {
                Safe = !unsafeHousing,
                Structure = unsafeHousing
                    ? UnsafeStructures[random.Pick(UnsafeStructureWeights)]
                    : SafeStructures[random.Pick(SafeStructureWeights)],
                AreaM2 = Math.Round((decimal)(20 + (size * random.Between(10, 30))), 1),
            },
            SafeDrinkingWater = !unsafeWater,
            Electricity = random.Chance(0.995),
            Broadband = random.Chance(0.3),
            FoodSecure = hunger is not (0 or 2),
            ClothingSecure = hunger is not (1 or 2),
            Incomes = Incomes(size, category, shortfall),

            // "100" starts no mobile or landline number in China: obviously synthetic.
            Phone = random.Chance(0.85) ? $"100{random.Next(0, 100_000_000):D8}" : null,
        };
    }

    private static bool IsSchoolAge(Member member) => ExitStandard.AgeOn(member.BirthDate!.Value, AsOf) is >= 6 and <= 15;

    private void CreateMembers(int size, PovertyCause cause)
    {
        members.Clear();
        var headAge = size switch
        {
            1 => random.Next(50, 89),
            2 => random.Next(35, 86),
            _ => random.Next(25, 71),
        };
        var headSex = random.Chance(0.85) ? Sex.Male : Sex.Female;
        var surname = SyntheticNames.Surname(random);
        members.Add(NewMember(Relation.Head, headAge, headSex, surname));
        if (size >= 2 && random.Chance(size == 2 ? 0.75 : 0.88))
        {
            var spouseAge = Math.Max(20, headAge + random.Next(-5, 6));
            members.Add(NewMember(Relation.Spouse, spouseAge, headSex == Sex.Male ? Sex.Female : Sex.Male, SyntheticNames.Surname(random)));
        }

        while (members.Count < size)
        {
            var relation = headAge switch
            {
                < 45 => random.Pick([0.8, 0.15, 0.05]) switch { 0 => Relation.Child, 1 => Relation.Parent, _ => Relation.Sibling },
                <= 60 => random.Pick([0.6, 0.2, 0.1, 0.08, 0.02]) switch
                {
                    0 => Relation.Child,
                    1 => Relation.Grandchild,
                    2 => Relation.ChildInLaw,
                    3 => Relation.Parent,
                    _ => Relation.Other,
                },
                _ => random.Pick([0.35, 0.45, 0.15, 0.05]) switch
                {
                    0 => Relation.Child,
                    1 => Relation.Grandchild,
                    2 => Relation.ChildInLaw,
                    _ => Relation.Other,
                },
            };
            var age = relation switch
            {
                Relation.Child => headAge - random.Next(20, 39),
                Relation.Grandchild => headAge - random.Next(42, 61),
                Relation.ChildInLaw => Math.Max(18, headAge - random.Next(20, 36)),
                Relation.Parent => Math.Min(96, headAge + random.Next(20, 33)),
                Relation.Sibling => Math.Max(16, headAge + random.Next(-8, 9)),
                _ => random.Next(10, 81),
            };
            if (age < 0)
            {
                age = random.Next(0, 7);
            }

            var sex = random.Chance(0.5) ? Sex.Male : Sex.Female;
            members.Add(NewMember(relation, age, sex, relation is Relation.Child or Relation.Grandchild ? surname : SyntheticNames.Surname(random)));
        }

        ApplyCause(cause);
    }

    private Member NewMember(Relation relation, int age, Sex sex, string surname)
    {
        var (idNumber, birth) = ids.Next(AsOf.AddYears(-age).AddDays(-random.Next(0, 365)), sex);
        age = ExitStandard.AgeOn(birth, AsOf);
        var (education, inSchool) = Schooling(age);
        var health = random.Pick(age < 60 ? [0, 0.9, 0.07, 0.01, 0.02] : [0, 0.6, 0.3, 0.04, 0.06]);
        return new Member
        {
            Name = SyntheticNames.Person(random, surname),
            IdNumber = idNumber,
            Sex = sex,
            Relation = relation,
            BirthDate = birth,
            Education = education,
            InSchool = inSchool,
            Health = (Health)health,
            Labour = LabourOf(age, (Health)health),
            MedicalInsurance = true,
            CriticalIllnessInsurance = random.Chance(0.95),
        };
    }

    private (Education Education, bool InSchool) Schooling(int age) => age switch
    {
        < 6 => (Education.Preschool, false),
        <= 11 => (Education.Primary, true),
        <= 15 => (Education.JuniorSecondary, true),
        <= 18 => random.Chance(0.55) ? (Education.SeniorSecondary, true) : (Education.JuniorSecondary, false),
        <= 22 => random.Chance(0.08) ? (Education.College, true) : (random.Chance(0.5) ? Education.SeniorSecondary : Education.JuniorSecondary, false),
        <= 45 => ((Education)(2 + random.Pick([0, 0.25, 0.5, 0.2, 0.05])), false),
        <= 60 => ((Education)(2 + random.Pick([0.15, 0.45, 0.35, 0.05])), false),
        _ => ((Education)(2 + random.Pick([0.45, 0.4, 0.15])), false),
    };

    private Labour LabourOf(int age, Health health) => (age, health) switch
    {
        ( < 16, _) => Labour.None,
        ( >= 65, Health.Healthy) => random.Chance(0.2) ? Labour.Ordinary : Labour.None,
        ( >= 65, _) => Labour.None,
        (_, Health.Healthy) => random.Chance(0.12) ? Labour.Skilled : Labour.Ordinary,
        (_, Health.ChronicIllness) => random.Chance(0.5) ? Labour.Ordinary : Labour.Lost,
        _ => Labour.Lost,
    };

    /// <summary>An illness or disability household has a member who is ill or disabled.</summary>
    private void ApplyCause(PovertyCause cause)
    {
        if (cause is not (PovertyCause.Illness or PovertyCause.Disability))
        {
            return;
        }

        var index = random.Next(members.Count);
        var member = members[index];
        var age = ExitStandard.AgeOn(member.BirthDate!.Value, AsOf);
        var health = cause == PovertyCause.Disability ? Health.Disabled : random.Chance(0.6) ? Health.ChronicIllness : Health.SeriousIllness;
        members[index] = member with { Health = health, Labour = LabourOf(age, health) };
    }

    private void ApplyShortfall(Shortfall shortfall)
    {
        if (shortfall == Shortfall.Medical)
        {
            var index = random.Next(members.Count);
            members[index] = members[index] with { MedicalInsurance = false, CriticalIllnessInsurance = false };
        }
        else if (shortfall == Shortfall.Schooling)
        {
            var index = members.FindIndex(IsSchoolAge);
            members[index] = members[index] with { InSchool = false };
        }
    }

    private List<PovertyCause> OtherCauses(PovertyCause primary)
    {
        var count = random.Pick([0.45, 0.38, 0.17]);
        var causes = new List<PovertyCause>(count);
        while (causes.Count < count)
        {
            var cause = (PovertyCause)random.Pick(CauseWeights);
            if (cause != primary && !causes.Contains(cause))
            {
                causes.Add(cause);
            }
        }

        return causes;
    }

    /// <summary>2015 and 2016 incomes; 2016 per capita above the line unless income is the shortfall.</summary>
    private List<YearIncome> Incomes(int size, HouseholdCategory category, Shortfall shortfall)
    {
        var perCapita2016 = shortfall == Shortfall.Income
            ? (double)Line2016 * random.Between(0.35, 0.98)
            : (double)Line2016 * random.Between(1.05, 1.9);
        var perCapita2015 = perCapita2016 * random.Between(0.7, 0.95);
        return
        [
            Income(2015, perCapita2015 * size, category),
            Income(2016, perCapita2016 * size, category),
        ];
    }

    private YearIncome Income(int year, double net, HouseholdCategory category)
    {
        var costs = Math.Round(net * random.Between(0.05, 0.25));
        var gross = Math.Round(net) + costs;
        var transfers = Math.Round(gross * (category == HouseholdCategory.Ordinary ? random.Between(0.1, 0.3) : random.Between(0.35, 0.7)));
        var property = Math.Round(gross * random.Between(0, 0.05));
        var business = Math.Round(gross * random.Between(0, 0.25));
        var wages = gross - transfers - property - business;
        if (wages < 0)
        {
            business += wages; // rounding can overshoot by a yuan
            wages = 0;
        }
        return new YearIncome
        {
            Year = year,
            Wages = (decimal)wages,
            Business = (decimal)business,
            Transfers = (decimal)transfers,
            Property = (decimal)property,
            ProductionCosts = (decimal)costs,
        };
    }
}
