using System.Globalization;
using OrleansPlatform.Households;
using static OrleansPlatform.Imports.HouseholdColumns;

namespace OrleansPlatform.Imports;

/// <summary>
/// Groups consecutive rows with the same household id into households and parses their cells. Holds
/// the current household only, plus the first line of every id seen (to report non-consecutive rows).
/// </summary>
internal sealed class HouseholdCsvReader
{
    private readonly CsvRowReader rows;
    private readonly int[] fieldOf;
    private readonly int fieldCount;
    private readonly Dictionary<string, long> firstLineOf = new(StringComparer.Ordinal);
    private readonly string[] householdCells = new string[Incomes + 1];

    private string? currentId;
    private long currentFirstLine;
    private List<long> lines = [];
    private List<CsvError> errors = [];
    private List<Member> members = [];
    private HouseholdRecord? household;
    private bool tooManyRows;

    public HouseholdCsvReader(CsvRowReader rows, int[] fieldOfColumn)
    {
        this.rows = rows;
        fieldOf = fieldOfColumn;
        fieldCount = fieldOfColumn.Max() + 1;
    }

    public IEnumerable<CsvHousehold> ReadHouseholds()
    {
        while (rows.ReadRow())
        {
            var idField = fieldOf[HouseholdId];
            if (idField >= rows.FieldCount || rows[idField].IsEmpty)
            {
                if (currentId is not null)
                {
                    yield return Flush();
                }

                List<CsvError> rowErrors = [new(rows.Line, Names[HouseholdId], "The household id is required on every row.")];
                yield return new CsvHousehold(string.Empty, null, [rows.Line], rowErrors);
                continue;
            }

            if (currentId is null || !rows[idField].SequenceEqual(currentId))
            {
                var id = rows[idField].ToString();
                if (currentId is not null)
                {
                    yield return Flush();
                }

                Start(id);
            }

            AddRow();
        }

        if (currentId is not null)
        {
            yield return Flush();
        }
    }

    private void Start(string id)
    {
        currentId = id;
        currentFirstLine = rows.Line;
        lines = [];
        errors = [];
        members = [];
        household = null;
        tooManyRows = false;
        if (firstLineOf.TryGetValue(id, out var firstLine))
        {
            errors.Add(new CsvError(rows.Line, Names[HouseholdId], $"Household '{id}' already appeared at line {firstLine}; the rows of a household must be consecutive."));
        }
        else
        {
            firstLineOf[id] = rows.Line;
        }
    }

    private CsvHousehold Flush()
    {
        var record = errors.Count == 0 && household is not null ? household with { Members = members } : null;
        var result = new CsvHousehold(currentId!, record, lines, errors);
        currentId = null;
        household = null;
        return result;
    }

    private void AddRow()
    {
        var line = rows.Line;
        lines.Add(line);
        if (rows.Error is not null)
        {
            var column = Array.IndexOf(fieldOf, rows.ErrorField);
            errors.Add(new CsvError(line, column >= 0 ? Names[column] : null, rows.Error));
            return;
        }

        if (rows.FieldCount != fieldCount)
        {
            errors.Add(new CsvError(line, null, $"The row has {rows.FieldCount} fields; the header has {fieldCount}."));
            return;
        }

        if (household is null)
        {
            ParseHousehold(line); // the first row that has the right shape
        }
        else
        {
            CompareHousehold(line);
        }

        if (members.Count == HouseholdValidator.MaxMembers)
        {
            // Bounds the memory one household can take; its record is rejected anyway.
            if (!tooManyRows)
            {
                tooManyRows = true;
                errors.Add(new CsvError(line, null, $"A household has at most {HouseholdValidator.MaxMembers} members; its further rows are not read."));
            }

            return;
        }

        ParseMember(line);
    }

    private void ParseHousehold(long line)
    {
        for (var column = VillageCode; column <= Incomes; column++)
        {
            householdCells[column] = Cell(column).ToString();
        }

        var safe = Bool(line, HousingSafe);
        var structure = Text(HousingStructure);
        var area = Number(line, HousingAreaM2);
        household = new HouseholdRecord
        {
            VillageCode = Text(VillageCode),
            Standard = Enum<PovertyStandard>(line, Standard),
            Category = Enum<HouseholdCategory>(line, Category),
            PrimaryCause = Enum<PovertyCause>(line, PrimaryCause),
            OtherCauses = ParseOtherCauses(line),
            Phone = Text(Phone),
            Housing = safe is null && structure is null && area is null ? null : new Housing { Safe = safe, Structure = structure, AreaM2 = area },
            SafeDrinkingWater = Bool(line, SafeDrinkingWater),
            Electricity = Bool(line, Electricity),
            Broadband = Bool(line, Broadband),
            FoodSecure = Bool(line, FoodSecure),
            ClothingSecure = Bool(line, ClothingSecure),
            Incomes = ParseIncomes(line),
        };
    }

    private void CompareHousehold(long line)
    {
        for (var column = VillageCode; column <= Incomes; column++)
        {
            if (!Cell(column).SequenceEqual(householdCells[column]))
            {
                errors.Add(new CsvError(line, Names[column], $"Differs from the household's first row (line {currentFirstLine}); household columns repeat the same value on every member row."));
            }
        }
    }

    private void ParseMember(long line)
    {
        var empty = true;
        for (var column = Name; column < Count && empty; column++)
        {
            empty = Cell(column).IsEmpty;
        }

        if (empty)
        {
            return; // a household written without members
        }

        members.Add(new Member
        {
            Name = Text(Name),
            IdNumber = Text(IdNumber),
            Sex = Enum<Sex>(line, HouseholdColumns.Sex),
            Relation = Enum<Relation>(line, HouseholdColumns.Relation),
            BirthDate = Date(line, BirthDate),
            Education = Enum<Education>(line, HouseholdColumns.Education),
            InSchool = Bool(line, InSchool),
            Health = Enum<Health>(line, HouseholdColumns.Health),
            Labour = Enum<Labour>(line, HouseholdColumns.Labour),
            MedicalInsurance = Bool(line, MedicalInsurance),
            CriticalIllnessInsurance = Bool(line, CriticalIllnessInsurance),
        });
    }

    private List<PovertyCause> ParseOtherCauses(long line)
    {
        var causes = new List<PovertyCause>();
        var cell = Cell(OtherCauses);
        if (cell.IsEmpty)
        {
            return causes;
        }

        foreach (var range in cell.Split(';'))
        {
            var part = cell[range];
            if (CsvEnum<PovertyCause>.TryParse(part, out var cause))
            {
                causes.Add(cause);
            }
            else
            {
                errors.Add(new CsvError(line, Names[OtherCauses], $"{Shown(part)} is not one of: {CsvEnum<PovertyCause>.Expected} (separate causes with ';')."));
            }
        }

        return causes;
    }

    private List<YearIncome> ParseIncomes(long line)
    {
        var incomes = new List<YearIncome>();
        var cell = Cell(Incomes);
        if (cell.IsEmpty)
        {
            return incomes;
        }

        var entry = 0;
        foreach (var range in cell.Split(';'))
        {
            entry++;
            var part = cell[range];
            var colon = part.IndexOf(':');
            if (colon < 0 || !int.TryParse(part[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                errors.Add(new CsvError(line, Names[Incomes], $"Entry {entry} ({Shown(part)}) does not start with a year and ':'; write year:wages/business/transfers/property/productionCosts."));
                continue;
            }

            var amounts = new decimal?[5];
            var count = 0;
            var amountsText = part[(colon + 1)..];
            var valid = true;
            foreach (var amountRange in amountsText.Split('/'))
            {
                var amount = amountsText[amountRange];
                if (count < amounts.Length && !amount.IsEmpty)
                {
                    if (TryNumber(amount, out var value))
                    {
                        amounts[count] = value;
                    }
                    else
                    {
                        valid = false;
                    }
                }

                count++;
            }

            if (count != amounts.Length || !valid)
            {
                errors.Add(new CsvError(line, Names[Incomes], $"Entry {entry} ({Shown(part)}) needs five amounts in yuan after the year: wages/business/transfers/property/productionCosts."));
                continue;
            }

            incomes.Add(new YearIncome
            {
                Year = year,
                Wages = amounts[0],
                Business = amounts[1],
                Transfers = amounts[2],
                Property = amounts[3],
                ProductionCosts = amounts[4],
            });
        }

        return incomes;
    }

    private ReadOnlySpan<char> Cell(int column) => rows[fieldOf[column]];

    private string? Text(int column)
    {
        var cell = Cell(column);
        return cell.IsEmpty ? null : cell.ToString();
    }

    private T? Enum<T>(long line, int column)
        where T : struct, System.Enum
    {
        var cell = Cell(column);
        if (cell.IsEmpty)
        {
            return null;
        }

        if (CsvEnum<T>.TryParse(cell, out var value))
        {
            return value;
        }

        errors.Add(new CsvError(line, Names[column], $"{Shown(cell)} is not one of: {CsvEnum<T>.Expected}."));
        return null;
    }

    private bool? Bool(long line, int column)
    {
        var cell = Cell(column);
        if (cell.IsEmpty)
        {
            return null;
        }

        if (cell.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (cell.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        errors.Add(new CsvError(line, Names[column], $"{Shown(cell)} is not true or false."));
        return null;
    }

    private decimal? Number(long line, int column)
    {
        var cell = Cell(column);
        if (cell.IsEmpty)
        {
            return null;
        }

        if (TryNumber(cell, out var value))
        {
            return value;
        }

        errors.Add(new CsvError(line, Names[column], $"{Shown(cell)} is not a number (digits with an optional '.' decimal point)."));
        return null;
    }

    /// <summary>Parses yyyy-MM-dd by hand: about ten times faster than a format string, and birth dates are on every row.</summary>
    private DateOnly? Date(long line, int column)
    {
        var cell = Cell(column);
        if (cell.IsEmpty)
        {
            return null;
        }

        if (cell.Length == 10 && cell[4] == '-' && cell[7] == '-'
            && TryDigits(cell[..4], out var year) && TryDigits(cell.Slice(5, 2), out var month) && TryDigits(cell.Slice(8, 2), out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        // The value is a birth date: personal data, so it is not repeated in the message.
        errors.Add(new CsvError(line, Names[column], "Not a real date in the form yyyy-MM-dd."));
        return null;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>A cell from a non-personal column, quoted and cut short for a message.</summary>
    private static string Shown(ReadOnlySpan<char> cell) =>
        cell.Length > 30 ? $"'{cell[..30]}…'" : $"'{cell}'";
}
