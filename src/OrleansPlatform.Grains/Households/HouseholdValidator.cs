using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.People;

namespace OrleansPlatform.Households;

/// <summary>Checks a household record and reports every problem at once, keyed by JSON path.</summary>
public static class HouseholdValidator
{
    /// <summary>Longest household id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Most members a household may have.</summary>
    public const int MaxMembers = 20;

    /// <summary>Longest member name.</summary>
    public const int MaxNameLength = 50;

    /// <summary>Throws a validation error naming <c>householdId</c> unless it is 1–64 characters of [A-Za-z0-9-].</summary>
    public static void ValidateId(string? householdId)
    {
        if (string.IsNullOrEmpty(householdId) || householdId.Length > MaxIdLength
            || !householdId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw DomainException.Invalid("householdId", $"A household id is 1–{MaxIdLength} characters of letters, digits and '-'.");
        }
    }

    /// <summary>Validates <paramref name="record"/>; throws a validation error listing every problem.</summary>
    public static void Validate(HouseholdRecord? record, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (record is null)
        {
            errors.Add("$", "The household record is required.");
            errors.ThrowIfAny();
            return;
        }

        if (string.IsNullOrEmpty(record.VillageCode))
        {
            errors.Add("villageCode", "The village code is required.");
        }
        else if (!AreaCode.TryParse(record.VillageCode, out var village, out var codeError))
        {
            errors.Add("villageCode", codeError);
        }
        else if (village.Level != AreaLevel.Village)
        {
            errors.Add("villageCode", $"Area {village} is a {village.Level.ToString().ToLowerInvariant()}, not a village.");
        }

        Required(errors, "standard", record.Standard);
        Required(errors, "category", record.Category);
        Required(errors, "primaryCause", record.PrimaryCause);
        ValidateOtherCauses(errors, record);
        ValidateMembers(errors, record.Members, today);
        if (record.Housing is null)
        {
            errors.Add("housing", "Housing is required.");
        }
        else
        {
            Required(errors, "housing.safe", record.Housing.Safe);
            if (record.Housing.Structure is { Length: > 50 })
            {
                errors.Add("housing.structure", "The structure must be at most 50 characters.");
            }

            if (record.Housing.AreaM2 is < 0 or > 10_000)
            {
                errors.Add("housing.areaM2", "The floor area must be between 0 and 10,000 m².");
            }
        }

        Required(errors, "safeDrinkingWater", record.SafeDrinkingWater);
        Required(errors, "electricity", record.Electricity);
        Required(errors, "broadband", record.Broadband);
        Required(errors, "foodSecure", record.FoodSecure);
        Required(errors, "clothingSecure", record.ClothingSecure);
        ValidateIncomes(errors, record.Incomes, today);
        if (record.Phone is { } phone && (phone.Length is < 5 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')))
        {
            errors.Add("phone", "A phone number is 5–20 characters of digits, '+', '-' and spaces.");
        }

        errors.ThrowIfAny();
    }

    private static void ValidateOtherCauses(ValidationErrors errors, HouseholdRecord record)
    {
        var others = record.OtherCauses ?? [];
        if (others.Count > 2)
        {
            errors.Add("otherCauses", "At most two other causes may be given.");
        }

        for (var i = 0; i < others.Count; i++)
        {
            if (others[i] == record.PrimaryCause)
            {
                errors.Add($"otherCauses[{i}]", "The primary cause cannot also be another cause.");
            }
            else if (others.Take(i).Contains(others[i]))
            {
                errors.Add($"otherCauses[{i}]", "Other causes must be distinct.");
            }
        }
    }

    private static void ValidateMembers(ValidationErrors errors, IReadOnlyList<Member>? members, DateOnly today)
    {
        if (members is null || members.Count == 0)
        {
            errors.Add("members", "A household has at least one member.");
            return;
        }

        if (members.Count > MaxMembers)
        {
            errors.Add("members", $"A household has at most {MaxMembers} members.");
        }

        var heads = members.Count(m => m?.Relation == Relation.Head);
        if (heads != 1)
        {
            errors.Add("members", $"Exactly one member must be the head; found {heads}.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            var path = $"members[{i}]";
            var member = members[i];
            if (member is null)
            {
                errors.Add(path, "A member is required.");
                continue;
            }

            var name = member.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add($"{path}.name", "The name is required.");
            }
            else if (name.Length > MaxNameLength || name.Any(char.IsControl))
            {
                errors.Add($"{path}.name", $"A name is at most {MaxNameLength} characters without control characters.");
            }

            if (!ResidentId.TryParse(member.IdNumber, out var idBirth, out var idSex, out var idError))
            {
                errors.Add($"{path}.idNumber", idError);
            }
            else
            {
                if (seen.TryGetValue(member.IdNumber!, out var first))
                {
                    errors.Add($"{path}.idNumber", $"The same ID number is already given for members[{first}].");
                }
                else
                {
                    seen[member.IdNumber!] = i;
                }

                if (idBirth > today)
                {
                    errors.Add($"{path}.idNumber", "The birth date in the ID number is in the future.");
                }

                if (member.Sex is { } sex && sex != idSex)
                {
                    errors.Add($"{path}.sex", $"The ID number says {idSex.ToString().ToLowerInvariant()}.");
                }

                if (member.BirthDate is { } birth && birth != idBirth)
                {
                    errors.Add($"{path}.birthDate", $"The ID number says {idBirth:yyyy-MM-dd}.");
                }
            }

            Required(errors, $"{path}.sex", member.Sex);
            Required(errors, $"{path}.relation", member.Relation);
            Required(errors, $"{path}.birthDate", member.BirthDate);
            Required(errors, $"{path}.education", member.Education);
            Required(errors, $"{path}.inSchool", member.InSchool);
            Required(errors, $"{path}.health", member.Health);
            Required(errors, $"{path}.labour", member.Labour);
            Required(errors, $"{path}.medicalInsurance", member.MedicalInsurance);
            Required(errors, $"{path}.criticalIllnessInsurance", member.CriticalIllnessInsurance);
        }
    }

    private static void ValidateIncomes(ValidationErrors errors, IReadOnlyList<YearIncome>? incomes, DateOnly today)
    {
        if (incomes is null)
        {
            return;
        }

        var years = new HashSet<int>();
        for (var i = 0; i < incomes.Count; i++)
        {
            var path = $"incomes[{i}]";
            var income = incomes[i];
            if (income is null)
            {
                errors.Add(path, "An income entry is required.");
                continue;
            }

            if (income.Year is not { } year)
            {
                errors.Add($"{path}.year", "The year is required.");
            }
            else if (year < 2000 || year > today.Year)
            {
                errors.Add($"{path}.year", $"The year must be between 2000 and {today.Year}.");
            }
            else if (!years.Add(year))
            {
                errors.Add($"{path}.year", $"Year {year} is given twice.");
            }

            NonNegative(errors, $"{path}.wages", income.Wages);
            NonNegative(errors, $"{path}.business", income.Business);
            NonNegative(errors, $"{path}.transfers", income.Transfers);
            NonNegative(errors, $"{path}.property", income.Property);
            NonNegative(errors, $"{path}.productionCosts", income.ProductionCosts);
        }
    }

    private static void NonNegative(ValidationErrors errors, string path, decimal? amount)
    {
        if (amount is null)
        {
            errors.Add(path, "The amount is required (0 if none).");
        }
        else if (amount < 0 || amount > 100_000_000)
        {
            errors.Add(path, "The amount must be between 0 and 100,000,000 yuan.");
        }
    }

    private static void Required<T>(ValidationErrors errors, string path, T? value)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(path, "This field is required.");
        }
    }
}
