using OrleansPlatform.Households;

namespace OrleansPlatform.Imports;

/// <summary>
/// One household read from a CSV file: its id (empty when a row has none), the record (null when any
/// of its rows has an error), the line each of its rows starts on and the errors found. When the record
/// is not null, <c>Lines[i]</c> is the row of <c>Record.Members[i]</c>, so validation errors of a member
/// can be traced to its line.
/// </summary>
public sealed record CsvHousehold(
    string HouseholdId,
    HouseholdRecord? Record,
    IReadOnlyList<long> Lines,
    IReadOnlyList<CsvError> Errors);
