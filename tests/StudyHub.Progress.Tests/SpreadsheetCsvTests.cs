using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Tests;

public class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetCsv.Neutralise(value));
    }

    [Fact]
    public void Cells_are_quoted_per_rfc_4180_and_numbers_are_invariant()
    {
        var csv = new SpreadsheetCsv().Text("O'Brien, \"Bo\"").Number(0.98234).Number(null).EndRow().Text("=1+1").EndRow().ToString();

        Assert.Equal("\"O'Brien, \"\"Bo\"\"\",0.9823,\r\n'=1+1\r\n", csv);
    }
}
