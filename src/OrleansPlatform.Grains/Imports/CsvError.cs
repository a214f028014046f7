namespace OrleansPlatform.Imports;

/// <summary>A problem in a CSV file: the line the row starts on, the column (null for the whole row) and why.</summary>
/// <remarks>Reasons never repeat names, ID numbers, phone numbers or birth dates from the file.</remarks>
public sealed record CsvError(long Line, string? Column, string Reason);
