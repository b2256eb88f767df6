namespace Briefings.Publishing;

/// <summary>A CSV table as RFC 4180 has it: a header record, CRLF after every record, fields quoted when they hold
/// a comma, quote or line break, quotes doubled. Lists in a cell are joined with "; " (ids never hold one).</summary>
public sealed class Csv
{
    private readonly TextWriter _text;
    private readonly int _columns;

    /// <summary>Starts a table on <paramref name="text"/> with its header record; rows are written as they come.</summary>
    public Csv(TextWriter text, params string[] header)
    {
        _text = text;
        _columns = header.Length;
        Record(header);
    }

    public void Row(params string?[] fields)
    {
        if (fields.Length != _columns) throw new ArgumentException($"{fields.Length} fields for {_columns} columns");
        Record(fields);
    }

    public static string List(IEnumerable<string> values) => string.Join("; ", values);

    private void Record(string?[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) _text.Write(',');
            Field(fields[i] ?? "");
        }
        _text.Write("\r\n");
    }

    private void Field(string value)
    {
        // A cell that starts like a formula runs as one when the file is opened in a spreadsheet; contributor
        // text is not trusted, so such a cell gets a leading apostrophe, as OWASP advises.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _text.Write(value);
            return;
        }
        _text.Write('"');
        _text.Write(value.Replace("\"", "\"\""));
        _text.Write('"');
    }
}
