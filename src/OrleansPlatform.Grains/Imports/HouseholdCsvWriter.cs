using System.Globalization;
using System.Text;
using OrleansPlatform.Households;

namespace OrleansPlatform.Imports;

/// <summary>
/// Writes households in the import format (see <see cref="HouseholdCsv"/>): the header first, then one
/// row per member with the household's columns repeated. Streams; holds nothing between households.
/// </summary>
public sealed class HouseholdCsvWriter
{
    private const string NewLine = "\r\n";
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",\"\r\n");
    private readonly TextWriter writer;
    private readonly StringBuilder household = new();

    /// <summary>Writes the header row to <paramref name="writer"/>.</summary>
    public HouseholdCsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        this.writer = writer;
        writer.Write(string.Join(',', HouseholdColumns.Names));
        writer.Write(NewLine);
    }

    /// <summary>Writes the rows of one household; a household without members gets one row with empty member columns.</summary>
    public void Write(string householdId, HouseholdRecord record)
    {
        ArgumentNullException.ThrowIfNull(householdId);
        ArgumentNullException.ThrowIfNull(record);
        household.Clear();
        Field(householdId);
        Field(record.VillageCode);
        Field(record.Standard is { } standard ? CsvEnum<PovertyStandard>.Name(standard) : null);
        Field(record.Category is { } category ? CsvEnum<HouseholdCategory>.Name(category) : null);
        Field(record.PrimaryCause is { } cause ? CsvEnum<PovertyCause>.Name(cause) : null);
        Field(record.OtherCauses is { Count: > 0 } others ? string.Join(';', others.Select(CsvEnum<PovertyCause>.Name)) : null);
        Field(record.Phone);
        Field(Format(record.Housing?.Safe));
        Field(record.Housing?.Structure);
        Field(Format(record.Housing?.AreaM2));
        Field(Format(record.SafeDrinkingWater));
        Field(Format(record.Electricity));
        Field(Format(record.Broadband));
        Field(Format(record.FoodSecure));
        Field(Format(record.ClothingSecure));
        Field(FormatIncomes(record.Incomes));
        var prefix = household.ToString();

        var members = record.Members ?? [];
        var wrote = false;
        foreach (var member in members)
        {
            if (member is null)
            {
                continue;
            }

            household.Clear().Append(prefix);
            Field(member.Name);
            Field(member.IdNumber);
            Field(member.Sex is { } sex ? CsvEnum<Sex>.Name(sex) : null);
            Field(member.Relation is { } relation ? CsvEnum<Relation>.Name(relation) : null);
            Field(member.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Field(member.Education is { } education ? CsvEnum<Education>.Name(education) : null);
            Field(Format(member.InSchool));
            Field(member.Health is { } health ? CsvEnum<Health>.Name(health) : null);
            Field(member.Labour is { } labour ? CsvEnum<Labour>.Name(labour) : null);
            Field(Format(member.MedicalInsurance));
            Field(Format(member.CriticalIllnessInsurance), last: true);
            writer.Write(household);
            writer.Write(NewLine);
            wrote = true;
        }

        if (!wrote)
        {
            writer.Write(prefix);
            writer.Write(new string(',', HouseholdColumns.Count - HouseholdColumns.Name - 1));
            writer.Write(NewLine);
        }
    }

    private void Field(string? value, bool last = false)
    {
        if (value is not null)
        {
            if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
            {
                household.Append(value);
            }
            else
            {
                household.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
        }

        if (!last)
        {
            household.Append(',');
        }
    }

    private static string? Format(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? FormatIncomes(IReadOnlyList<YearIncome>? incomes)
    {
        if (incomes is not { Count: > 0 })
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var income in incomes)
        {
            if (income is null)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(CultureInfo.InvariantCulture, $"{income.Year}:{Format(income.Wages)}/{Format(income.Business)}/{Format(income.Transfers)}/{Format(income.Property)}/{Format(income.ProductionCosts)}");
        }

        return text.ToString();
    }
}
