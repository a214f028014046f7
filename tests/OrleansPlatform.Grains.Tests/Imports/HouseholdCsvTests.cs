using System.Text;
using System.Text.Json;
using OrleansPlatform.Errors;
using OrleansPlatform.Households;
using OrleansPlatform.Imports;
using OrleansPlatform.Silo.Demo;

namespace OrleansPlatform.Grains.Tests.Imports;

public class HouseholdCsvTests
{
    private const string Village = "610204100201";
    private static readonly DateOnly AsOf = new(2016, 12, 31);
    private static readonly string Header = string.Join(',', HouseholdCsv.Columns);

    private static Member Person(Relation relation, int year, Sex sex, int serial, string name) =>
        SyntheticHouseholds.Member(relation, new DateOnly(year, 3, 14), sex, serial, AsOf) with { Name = name };

    private static HouseholdRecord Household(params Member[] members) =>
        SyntheticHouseholds.Household(Village, PovertyCause.Illness, members, 2500m);

    private static string Json(object? value) => JsonSerializer.Serialize(value, PlatformJson.Options);

    private static string Write(params (string Id, HouseholdRecord Record)[] households)
    {
        var text = new StringWriter();
        HouseholdCsv.Write(text, households);
        return text.ToString();
    }

    private static List<CsvHousehold> Read(string csv) => [.. HouseholdCsv.Read(new StringReader(csv))];

    /// <summary>A valid file of one two-member household, as lines without line breaks, to break one cell of.</summary>
    private static string[] ValidLines() =>
        Write(("h-1", Household(Person(Relation.Head, 1970, Sex.Male, 1, "Li Ming"), Person(Relation.Spouse, 1972, Sex.Female, 2, "Wang Fang"))))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static string WithCell(string line, string column, string value)
    {
        var cells = line.Split(',');
        cells[HouseholdCsv.Columns.ToList().IndexOf(column)] = value;
        return string.Join(',', cells);
    }

    [Fact]
    public void Writing_then_reading_gives_equal_records_including_quoted_names_and_every_field()
    {
        var tricky = Household(
            Person(Relation.Head, 1960, Sex.Male, 3, "Zhang, \"Old\" San"),
            Person(Relation.Spouse, 1962, Sex.Female, 4, "Line\r\nbreak and\nnewline"),
            Person(Relation.Child, 2008, Sex.Female, 5, " spaced ")) with
        {
            OtherCauses = [PovertyCause.LackOfFunds, PovertyCause.LackOfSkills],
            Standard = PovertyStandard.Provincial,
            Category = HouseholdCategory.DibaoPoor,
            Phone = "+86 100-1234",
            Housing = new Housing { Safe = false, Structure = "adobe, \"old\"", AreaM2 = 62.5m },
            SafeDrinkingWater = false,
            Broadband = true,
            FoodSecure = false,
            Incomes =
            [
                new YearIncome { Year = 2015, Wages = 1000.5m, Business = 0, Transfers = 2000, Property = 12.25m, ProductionCosts = 300 },
                new YearIncome { Year = 2016, Wages = 4000, Business = 500, Transfers = 0, Property = 0, ProductionCosts = 0 },
            ],
        };
        var plain = Household(Person(Relation.Head, 1950, Sex.Female, 6, "Zhou Lan")) with { Incomes = [], Phone = null };
        var noHousing = Household(Person(Relation.Head, 1945, Sex.Male, 7, "Wu Gang")) with { Housing = null };

        var read = Read(Write(("a-1", tricky), ("a-2", plain), ("a-3", noHousing)));

        Assert.Equal(["a-1", "a-2", "a-3"], read.Select(h => h.HouseholdId));
        Assert.All(read, h => Assert.Empty(h.Errors));
        Assert.Equal(Json(tricky), Json(read[0].Record));
        Assert.Equal(Json(plain), Json(read[1].Record));
        Assert.Equal(Json(noHousing), Json(read[2].Record));

        // Rows start on line 2; the second member's quoted name spans two more lines (CRLF and LF inside it).
        Assert.Equal([2L, 3, 6], read[0].Lines);
        Assert.Equal([7L], read[1].Lines);
    }

    [Fact]
    public void Quotes_are_doubled_and_fields_with_delimiters_are_quoted()
    {
        var csv = Write(("q-1", Household(Person(Relation.Head, 1970, Sex.Male, 1, "A \"B\", C"))));

        Assert.Contains(",\"A \"\"B\"\", C\",", csv, StringComparison.Ordinal);
        Assert.StartsWith(Header + "\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_lf_line_ends_are_accepted()
    {
        var record = Household(Person(Relation.Head, 1970, Sex.Male, 1, "Li Ming"));
        var lines = Write(("h-1", record)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var order = Enumerable.Range(0, HouseholdCsv.Columns.Count).Reverse().ToArray();
        var reordered = lines.Select(line => string.Join(',', order.Select(i => line.Split(',')[i])));

        var read = Assert.Single(Read(string.Join('\n', reordered) + "\n"));

        Assert.Empty(read.Errors);
        Assert.Equal(Json(record), Json(read.Record));
    }

    [Theory]
    [InlineData("standard", "federal", "standard")]
    [InlineData("category", "1", "category")]
    [InlineData("otherCauses", "illness;floods", "otherCauses")]
    [InlineData("housingAreaM2", "80m2", "housingAreaM2")]
    [InlineData("electricity", "yes", "electricity")]
    [InlineData("incomes", "2016:1/2/3/4", "incomes")]
    [InlineData("incomes", "2016:1/2/x/4/5", "incomes")]
    [InlineData("incomes", "year:1/2/3/4/5", "incomes")]
    [InlineData("sex", "m", "sex")]
    [InlineData("birthDate", "1970-02-30", "birthDate")]
    [InlineData("birthDate", "14/03/1970", "birthDate")]
    [InlineData("inSchool", "no", "inSchool")]
    public void A_cell_that_cannot_be_parsed_is_reported_with_its_line_and_column(string column, string value, string reported)
    {
        var lines = ValidLines();
        lines[2] = WithCell(lines[2], column, value);
        var householdColumn = HouseholdCsv.Columns.ToList().IndexOf(column) < HouseholdCsv.Columns.ToList().IndexOf("name");
        if (householdColumn)
        {
            lines[1] = WithCell(lines[1], column, value); // household columns repeat on every row, parsed on the first
        }

        var household = Assert.Single(Read(string.Join("\r\n", lines)));

        Assert.Null(household.Record);
        var error = Assert.Single(household.Errors);
        Assert.Equal(reported, error.Column);
        Assert.Equal(householdColumn ? 2 : 3, error.Line);
    }

    [Fact]
    public void A_bad_birth_date_is_not_repeated_in_the_error()
    {
        var lines = ValidLines();
        lines[1] = WithCell(lines[1], "birthDate", "1970-13-45");

        var error = Assert.Single(Assert.Single(Read(string.Join("\n", lines))).Errors);

        Assert.DoesNotContain("1970", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported()
    {
        var lines = ValidLines();
        lines[2] += ",extra";

        var household = Assert.Single(Read(string.Join("\n", lines)));

        Assert.Null(household.Record);
        Assert.Equal([2L, 3], household.Lines);
        var error = Assert.Single(household.Errors);
        Assert.Equal((3L, (string?)null), (error.Line, error.Column));
        Assert.Contains("28 fields", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_household_whose_first_row_is_malformed_is_compared_with_its_own_rows_only()
    {
        var lines = ValidLines();
        var second = lines.Skip(1).Select(l => WithCell(l.Replace("h-1", "h-2", StringComparison.Ordinal), "primaryCause", "disaster")).ToArray();
        second[0] = second[0][..second[0].LastIndexOf(',')];

        var read = Read(string.Join("\n", [.. lines, .. second]));

        Assert.NotNull(read[0].Record);
        var error = Assert.Single(read[1].Errors);
        Assert.Equal((4L, (string?)null), (error.Line, error.Column));
    }

    [Fact]
    public void A_household_with_more_rows_than_members_allowed_is_rejected_once()
    {
        var lines = ValidLines();
        var rows = Enumerable.Repeat(lines[2], HouseholdValidator.MaxMembers + 5);

        var household = Assert.Single(Read(string.Join("\n", [lines[0], lines[1], .. rows])));

        Assert.Null(household.Record);
        Assert.Equal(HouseholdValidator.MaxMembers + 6, household.Lines.Count);
        Assert.Equal((HouseholdValidator.MaxMembers + 2L, (string?)null), (Assert.Single(household.Errors).Line, household.Errors[0].Column));
    }

    [Fact]
    public void A_row_without_household_id_is_reported_on_its_own()
    {
        var lines = ValidLines();
        var csv = string.Join("\n", lines[0], lines[1], WithCell(lines[2], "householdId", ""), lines[2]);

        var read = Read(csv);

        Assert.Equal(["h-1", "", "h-1"], read.Select(h => h.HouseholdId));
        Assert.NotNull(read[0].Record);
        Assert.Equal(new CsvError(3, "householdId", "The household id is required on every row."), Assert.Single(read[1].Errors));
        Assert.Equal([3L], read[1].Lines);

        // The same id after another row: its rows are not consecutive.
        var reappeared = Assert.Single(read[2].Errors);
        Assert.Null(read[2].Record);
        Assert.Equal((4L, "householdId"), (reappeared.Line, reappeared.Column));
        Assert.Contains("line 2", reappeared.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_household_column_that_differs_between_member_rows_is_reported()
    {
        var lines = ValidLines();
        lines[2] = WithCell(lines[2], "primaryCause", "disability");

        var household = Assert.Single(Read(string.Join("\n", lines)));

        Assert.Null(household.Record);
        var error = Assert.Single(household.Errors);
        Assert.Equal((3L, "primaryCause"), (error.Line, error.Column));
    }

    [Fact]
    public void Quoting_errors_are_reported_with_the_column()
    {
        var lines = ValidLines();
        var afterQuote = string.Join("\n", lines[0], WithCell(lines[1], "name", "\"Li\" Ming"));
        var unclosed = string.Join("\n", lines[0], lines[1], WithCell(lines[2], "name", "\"Wang Fang"));

        var error = Assert.Single(Assert.Single(Read(afterQuote)).Errors);
        Assert.Equal((2L, "name"), (error.Line, error.Column));

        var household = Assert.Single(Read(unclosed));
        Assert.Null(household.Record);
        error = Assert.Single(household.Errors);
        Assert.Equal((3L, "name"), (error.Line, error.Column));
        Assert.Contains("not closed", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_row_of_a_household_is_read_with_its_errors_and_the_next_household_is_unaffected()
    {
        var lines = ValidLines();
        var second = lines.Skip(1).Select(l => l.Replace("h-1", "h-2", StringComparison.Ordinal)).ToArray();
        lines[1] = WithCell(lines[1], "relation", "cousin");
        lines[2] = WithCell(lines[2], "health", "fine");

        var read = Read(string.Join("\n", [.. lines, .. second]));

        Assert.Equal(2, read.Count);
        Assert.Equal([(2L, "relation"), (3L, "health")], read[0].Errors.Select(e => (e.Line, e.Column)));
        Assert.Empty(read[1].Errors);
        Assert.Equal(2, read[1].Record!.Members!.Count);
        Assert.Equal([4L, 5], read[1].Lines);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("householdId,villageCode\n", "missing: standard")]
    [InlineData(null, "unknown: nickname")]
    [InlineData("\uFEFF" + "householdId,householdId", "repeated: householdId")]
    public void A_header_with_missing_unknown_or_repeated_columns_is_one_clear_error(string? header, string expected)
    {
        header ??= Header + ",nickname";

        var error = Assert.Throws<DomainException>(() => HouseholdCsv.Read(new StringReader(header)));

        Assert.Equal(("csv.header", DomainErrorKind.Validation), (error.Code, error.Kind));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(["header"], error.Errors!.Keys);
    }

    [Fact]
    public void A_byte_order_mark_before_the_header_is_ignored()
    {
        var csv = "\uFEFF" + string.Join("\n", ValidLines());

        Assert.NotNull(Assert.Single(Read(csv)).Record);
    }

    [Fact]
    public void Reading_streams_households_without_reading_the_whole_input()
    {
        var row = ValidLines()[1];
        using var endless = new EndlessReader(Header + "\n", n => row.Replace("h-1", $"h-{n}", StringComparison.Ordinal) + "\n");

        var first = HouseholdCsv.Read(endless).Take(3).ToList();

        Assert.Equal(["h-0", "h-1", "h-2"], first.Select(h => h.HouseholdId));
        Assert.All(first, h => Assert.NotNull(h.Record));
    }

    /// <summary>A header followed by rows without end: a reader that loaded everything would never return.</summary>
    private sealed class EndlessReader(string header, Func<int, string> row) : TextReader
    {
        private readonly StringBuilder pending = new(header);
        private int rows;

        public override int Read(char[] buffer, int index, int count)
        {
            while (pending.Length < count)
            {
                pending.Append(row(rows++));
            }

            pending.CopyTo(0, buffer.AsSpan(index, count), count);
            pending.Remove(0, count);
            return count;
        }
    }
}
