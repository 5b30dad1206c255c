using System.Globalization;
using System.Text;

namespace StudyHub.Progress.Domain;

/// <summary>
/// CSV that is safe to open in a spreadsheet (RFC 4180 quoting). A text cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return, which some spreadsheets
/// skip before reading a formula) gets a leading apostrophe, so a display name such as
/// <c>=HYPERLINK(…)</c> is shown as text and never run as a formula (OWASP "CSV injection").
/// </summary>
internal sealed class SpreadsheetCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    private readonly StringBuilder _text = new();
    private bool _rowStarted;

    public SpreadsheetCsv Text(string? value)
    {
        var cell = Neutralise(value ?? "");
        return Cell(cell.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
    }

    /// <summary>A number we computed (never user text), in invariant culture; empty when absent.</summary>
    public SpreadsheetCsv Number(double? value) =>
        Cell(value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "");

    public SpreadsheetCsv EndRow()
    {
        _text.Append("\r\n");
        _rowStarted = false;
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string Neutralise(string value) =>
        value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    private SpreadsheetCsv Cell(string cell)
    {
        if (_rowStarted)
        {
            _text.Append(',');
        }

        _text.Append(cell);
        _rowStarted = true;
        return this;
    }
}
