using OrleansPlatform.Errors;
using OrleansPlatform.Households;

namespace OrleansPlatform.Imports;

/// <summary>
/// The household import/export format: UTF-8 CSV (RFC 4180 quoting, CRLF rows; LF accepted) with a
/// header row and one row per member, the household columns repeated on each of its member rows.
/// Enums are spelled as in the JSON API (camelCase); booleans <c>true</c>/<c>false</c>; numbers with
/// a '.' decimal point; dates <c>yyyy-MM-dd</c>; <c>otherCauses</c> joined with ';'; <c>incomes</c> as
/// <c>year:wages/business/transfers/property/productionCosts</c> entries joined with ';'. An empty
/// cell is an absent value (an empty list for <c>otherCauses</c> and <c>incomes</c>).
/// </summary>
public static class HouseholdCsv
{
    /// <summary>The column names in the order the writer uses; a reader accepts them in any order.</summary>
    public static IReadOnlyList<string> Columns { get; } = HouseholdColumns.Names;

    /// <summary>Writes the header and every household's rows.</summary>
    public static void Write(TextWriter writer, IEnumerable<(string HouseholdId, HouseholdRecord Record)> households)
    {
        ArgumentNullException.ThrowIfNull(households);
        var csv = new HouseholdCsvWriter(writer);
        foreach (var (id, record) in households)
        {
            csv.Write(id, record);
        }
    }

    /// <summary>
    /// Reads households one at a time, holding only the current one (and the ids seen so far, to report a
    /// household whose rows are not consecutive). The header is checked at once: a missing, unknown or
    /// repeated column throws a validation <see cref="DomainException"/> with code <c>csv.header</c>
    /// before any household is read.
    /// </summary>
    public static IEnumerable<CsvHousehold> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new CsvRowReader(reader);
        var fieldOfColumn = ReadHeader(rows);
        return new HouseholdCsvReader(rows, fieldOfColumn).ReadHouseholds();
    }

    private static int[] ReadHeader(CsvRowReader rows)
    {
        if (!rows.ReadRow())
        {
            throw HeaderError("The file is empty; its first row must be the header.");
        }

        var fieldOfColumn = new int[HouseholdColumns.Count];
        Array.Fill(fieldOfColumn, -1);
        var unknown = new List<string>();
        var repeated = new List<string>();
        for (var field = 0; field < rows.FieldCount; field++)
        {
            var name = rows[field];
            if (field == 0 && name.StartsWith('\uFEFF'))
            {
                name = name[1..];
            }

            var column = ColumnNamed(name);
            if (column < 0)
            {
                unknown.Add(name.Length > 40 ? string.Concat(name[..40], "…") : name.ToString());
            }
            else if (fieldOfColumn[column] >= 0)
            {
                repeated.Add(HouseholdColumns.Names[column]);
            }
            else
            {
                fieldOfColumn[column] = field;
            }
        }

        var missing = HouseholdColumns.Names.Where((_, column) => fieldOfColumn[column] < 0).ToList();
        if (rows.Error is not null || unknown.Count > 0 || repeated.Count > 0 || missing.Count > 0)
        {
            var problems = new List<string>();
            if (rows.Error is not null)
            {
                problems.Add(rows.Error);
            }

            if (missing.Count > 0)
            {
                problems.Add($"missing: {string.Join(", ", missing)}");
            }

            if (unknown.Count > 0)
            {
                problems.Add($"unknown: {string.Join(", ", unknown)}");
            }

            if (repeated.Count > 0)
            {
                problems.Add($"repeated: {string.Join(", ", repeated)}");
            }

            throw HeaderError(
                $"The header (line {rows.Line}) must name each of these columns once, in any order: {string.Join(",", HouseholdColumns.Names)}. Found problems: {string.Join("; ", problems)}.");
        }

        return fieldOfColumn;
    }

    private static int ColumnNamed(ReadOnlySpan<char> name)
    {
        for (var column = 0; column < HouseholdColumns.Count; column++)
        {
            if (name.SequenceEqual(HouseholdColumns.Names[column]))
            {
                return column;
            }
        }

        return -1;
    }

    private static DomainException HeaderError(string message) =>
        new(DomainErrorKind.Validation, "csv.header", message, new Dictionary<string, string[]> { ["header"] = [message] });
}
