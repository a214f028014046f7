using System.Buffers;

namespace OrleansPlatform.Imports;

/// <summary>
/// Splits RFC 4180 text into rows of fields without holding more than one row: a buffered scan for
/// delimiters, fields unescaped into one reusable character buffer and exposed as spans. Rows end in
/// CRLF or LF; quoted fields may hold commas, doubled quotes and line breaks. Blank lines are skipped.
/// </summary>
internal sealed class CsvRowReader
{
    /// <summary>Longest row kept; a longer one is an error.</summary>
    public const int MaxRowLength = 1 << 20;

    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> QuoteOrLineEnd = SearchValues.Create("\"\n");

    private readonly TextReader reader;
    private readonly char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private bool endOfInput;
    private long nextLine = 1;
    private char[] row = new char[1024];
    private int rowLength;
    private int[] starts = new int[32];
    private int[] lengths = new int[32];

    public CsvRowReader(TextReader reader) => this.reader = reader;

    /// <summary>Fields in the current row.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The line the current row starts on (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>Why the current row is malformed, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The field the error concerns.</summary>
    public int ErrorField { get; private set; }

    /// <summary>The unescaped text of field <paramref name="index"/> of the current row.</summary>
    public ReadOnlySpan<char> this[int index] => row.AsSpan(starts[index], lengths[index]);

    /// <summary>Reads the next non-blank row; false at the end of the input.</summary>
    public bool ReadRow()
    {
        while (HasData())
        {
            Line = nextLine;
            FieldCount = 0;
            rowLength = 0;
            Error = null;
            var blank = buffer[position] is '\r' or '\n';
            while (ReadField())
            {
            }

            if (!blank)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads one field and its delimiter; true when another field follows in the same row.</summary>
    private bool ReadField()
    {
        var start = rowLength;
        if (HasData() && buffer[position] == '"')
        {
            position++;
            if (!ReadQuoted())
            {
                AddField(start);
                return false;
            }

            if (HasData() && buffer[position] is not (',' or '\r' or '\n') && Error is null)
            {
                Error = "Text follows the closing quote of a quoted field; quotes inside a field are doubled (\"\").";
                ErrorField = FieldCount;
            }
        }

        if (!AppendUntil(FieldEnds))
        {
            AddField(start);
            return false;
        }

        var delimiter = buffer[position++];
        AddField(start);
        if (delimiter == ',')
        {
            return true;
        }

        if (delimiter == '\r' && HasData() && buffer[position] == '\n')
        {
            position++;
        }

        nextLine++;
        return false;
    }

    /// <summary>Reads a quoted field's content up to its closing quote; false when the input ends first.</summary>
    private bool ReadQuoted()
    {
        while (AppendUntil(QuoteOrLineEnd))
        {
            if (buffer[position] == '\n')
            {
                Append("\n");
                position++;
                nextLine++;
                continue;
            }

            position++;
            if (HasData() && buffer[position] == '"')
            {
                Append("\"");
                position++;
                continue;
            }

            return true;
        }

        Error = "A quoted field is not closed before the end of the file.";
        ErrorField = FieldCount;
        return false;
    }

    /// <summary>
    /// Appends the input up to the first of <paramref name="stops"/> and stops on it; false when the
    /// input ends first (everything up to its end appended).
    /// </summary>
    private bool AppendUntil(SearchValues<char> stops)
    {
        while (HasData())
        {
            var span = buffer.AsSpan(position, length - position);
            var index = span.IndexOfAny(stops);
            if (index >= 0)
            {
                Append(span[..index]);
                position += index;
                return true;
            }

            Append(span);
            position = length;
        }

        return false;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (rowLength + text.Length > MaxRowLength)
        {
            // Bounds memory on a runaway quote or a garbage file; the rest of the row is scanned but dropped.
            if (Error is null)
            {
                Error = $"The row is longer than {MaxRowLength:N0} characters.";
                ErrorField = FieldCount;
            }

            return;
        }

        if (rowLength + text.Length > row.Length)
        {
            Array.Resize(ref row, Math.Max(row.Length * 2, rowLength + text.Length));
        }

        text.CopyTo(row.AsSpan(rowLength));
        rowLength += text.Length;
    }

    private void AddField(int start)
    {
        if (FieldCount == starts.Length)
        {
            Array.Resize(ref starts, starts.Length * 2);
            Array.Resize(ref lengths, lengths.Length * 2);
        }

        starts[FieldCount] = start;
        lengths[FieldCount] = rowLength - start;
        FieldCount++;
    }

    private bool HasData()
    {
        if (position < length)
        {
            return true;
        }

        if (endOfInput)
        {
            return false;
        }

        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        endOfInput = length == 0;
        return !endOfInput;
    }
}
