using System.Text;
using System.Text.RegularExpressions;
using StudyHub.Content.Extraction;

namespace StudyHub.Content.Problems;

/// <summary>
/// Splits page texts into problems. A labelled line ("1.", "2)", "a)", "Q3", "Problem 2:", "Exercise 4")
/// starts a problem and the lines under it continue it; a line ending in ":" that reads like an instruction
/// ("Solve for x:") is shared by the problems under it; without labels, each equation line is a problem.
/// OCR'd math is repaired, and confidence drops with each repair and with low OCR confidence.
/// </summary>
internal sealed partial class ProblemFinder : IProblemFinder
{
    private const double LabelledConfidence = 0.95;
    private const double UnlabelledConfidence = 0.85;
    private const double PerRepair = 0.9;

    private static readonly string[] s_instructionVerbs =
    [
        "solve", "simplify", "evaluate", "find", "calculate", "compute", "factor", "factorise", "factorize", "expand",
        "write", "answer", "show", "explain", "convert", "round", "graph", "use", "determine", "work", "complete",
        "express", "estimate", "fill", "match", "read", "describe", "name", "identify", "translate", "differentiate",
        "integrate", "prove", "add", "subtract", "multiply", "divide", "reduce", "rewrite", "what", "for",
    ];

    public IReadOnlyList<FoundProblem> Find(ExtractedDocument document)
    {
        var problems = new List<FoundProblem>();
        foreach (var page in document.Pages)
        {
            problems.AddRange(FindOnPage(page, problems.Count));
        }

        return problems;
    }

    private static List<FoundProblem> FindOnPage(ExtractedPage page, int problemsBefore)
    {
        var lines = page.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => Spaces().Replace(l, " ").Trim())
            .ToList();
        var hasLabels = lines.Any(l => MatchLabel(l, expectedNumber: 1) is not null);
        var expectedNumber = 1;
        var drafts = new List<Draft>();
        string? instruction = null;
        string? parentLabel = null;
        string? parentInstruction = null;
        Draft? current = null;

        foreach (var line in lines)
        {
            if (line.Length == 0 || IsFormField(line))
            {
                // A blank line ends a problem's continuation only when the page has no labels (paragraph problems).
                if (!hasLabels)
                {
                    current = null;
                }

                continue;
            }

            var label = MatchLabel(line, expectedNumber);
            if (label is not null)
            {
                var (labelText, rest, isLetter) = label.Value;
                if (LeadingNumber().Match(labelText) is { Success: true } numbered)
                {
                    expectedNumber = int.Parse(numbered.Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
                }

                if (!isLetter)
                {
                    parentLabel = null;
                    parentInstruction = null;
                }

                if (!isLetter && rest.EndsWith(':') && IsInstruction(rest))
                {
                    // "1. Solve for x:" followed by a), b): the numbered line is the instruction of its parts.
                    parentLabel = labelText;
                    parentInstruction = rest;
                    current = new Draft(labelText, rest, instruction, Labelled: true);
                    drafts.Add(current);
                    continue;
                }

                var fullLabel = isLetter && parentLabel is not null ? $"{parentLabel} {labelText}" : labelText;
                current = new Draft(fullLabel, rest, isLetter && parentInstruction is not null ? parentInstruction : instruction, Labelled: true);
                if (isLetter && parentInstruction is not null)
                {
                    drafts.RemoveAll(d => d.Label == parentLabel && d.Text == parentInstruction);
                }

                drafts.Add(current);
                continue;
            }

            if (line.EndsWith(':') && IsInstruction(line))
            {
                instruction = line;
                parentLabel = null;
                parentInstruction = null;
                current = null;
                continue;
            }

            if (!hasLabels && LooksLikeMath(line))
            {
                // Worksheets that list one equation per line with no numbers: each line is a problem.
                current = new Draft(null, line, instruction, Labelled: false);
                drafts.Add(current);
                current = null;
                continue;
            }

            if (current is not null)
            {
                current.Text = current.Text.Length == 0 ? line : current.Text + "\n" + line;
            }
            else if (!hasLabels && LooksLikeQuestion(line))
            {
                current = new Draft(null, line, instruction, Labelled: false);
                drafts.Add(current);
            }
        }

        return drafts
            .Where(d => d.Text.Length > 0)
            .Select((draft, index) => Finish(draft, page, problemsBefore + index + 1))
            .ToList();
    }

    private static FoundProblem Finish(Draft draft, ExtractedPage page, int ordinal)
    {
        var text = draft.Text;
        var repairs = 0;
        if (page.Method == ExtractionMethod.Ocr)
        {
            var repaired = new StringBuilder();
            foreach (var line in text.Split('\n'))
            {
                if (repaired.Length > 0)
                {
                    repaired.Append('\n');
                }

                if (LooksLikeMath(line) || MathTail().IsMatch(line))
                {
                    var fixedLine = RepairMathParts(line);
                    repairs += fixedLine.Repairs;
                    repaired.Append(fixedLine.Text);
                }
                else
                {
                    repaired.Append(line);
                }
            }

            text = repaired.ToString();
        }

        var confidence = draft.Labelled ? LabelledConfidence : UnlabelledConfidence;
        confidence *= System.Math.Pow(PerRepair, repairs);
        if (page.OcrConfidence is { } ocr)
        {
            // Tesseract's mean word confidence is ~90+ on clean print; scale below that.
            confidence *= System.Math.Clamp(ocr / 90.0, 0.2, 1.0);
        }

        var label = draft.Label ?? ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new FoundProblem(page.Number, label, text, draft.Instruction, System.Math.Round(System.Math.Clamp(confidence, 0.05, 1.0), 2));
    }

    // "Solve 2x — 3 = 7" repairs only the math after the words, so "Solve" keeps its l and o.
    private static RepairedMath RepairMathParts(string line)
    {
        var tail = MathTail().Match(line);
        if (!tail.Success || tail.Index == 0)
        {
            return MathOcrRepair.Repair(line);
        }

        var repaired = MathOcrRepair.Repair(line[tail.Index..]);
        return repaired with { Text = line[..tail.Index] + repaired.Text };
    }

    private static (string Label, string Body, bool IsLetter)? MatchLabel(string line, int expectedNumber)
    {
        var named = NamedLabel().Match(line);
        if (named.Success)
        {
            return (named.Groups["label"].Value.TrimEnd(), line[named.Length..].Trim(), false);
        }

        var number = NumberLabel().Match(line);
        if (number.Success && !LooksLikeDecimalStart(line))
        {
            return (number.Groups["label"].Value, line[number.Length..].Trim(), false);
        }

        // OCR often drops the space after a label: "2.5x-7=18" is problem 2 when problem 2 is what comes next
        // (and a decimal otherwise).
        var glued = GluedNumberLabel().Match(line);
        if (glued.Success && glued.Groups["number"].Value == expectedNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return (glued.Groups["label"].Value, line[glued.Length..].Trim(), false);
        }

        var letter = LetterLabel().Match(line);
        return letter.Success ? (letter.Groups["label"].Value, line[letter.Length..].Trim(), true) : null;
    }

    // "3.5 + 2 = ?" is an expression starting with a decimal, not problem 3.
    private static bool LooksLikeDecimalStart(string line) => DecimalStart().IsMatch(line);

    private static bool IsInstruction(string line)
    {
        var firstWord = line.Split(' ', 2)[0].TrimEnd(':', ',').ToLowerInvariant();
        return s_instructionVerbs.Contains(firstWord) || (line.Split(' ').Length >= 3 && !LooksLikeMath(line.TrimEnd(':')));
    }

    private static bool IsFormField(string line) => line.Contains("___", StringComparison.Ordinal) && !line.Contains('=', StringComparison.Ordinal)
        || FormField().IsMatch(line);

    internal static bool LooksLikeMath(string line)
    {
        if (line.Length == 0)
        {
            return false;
        }

        var words = Words().Matches(line).Count;
        var hasOperator = Operator().IsMatch(line);
        var hasDigitOrVariable = line.Any(char.IsDigit) || SingleLetter().IsMatch(line);
        return hasOperator && hasDigitOrVariable && words <= 2;
    }

    private static bool LooksLikeQuestion(string line) => line.EndsWith('?') && line.Length > 8;

    private sealed class Draft(string? label, string text, string? instruction, bool Labelled)
    {
        public string? Label { get; } = label;

        public string Text { get; set; } = text;

        public string? Instruction { get; } = instruction;

        public bool Labelled { get; } = Labelled;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<label>(?:Problem|Exercise|Question|Task|Q|Ex\.?)\s*\d{1,3}[a-z]?\s*[:.)]?)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NamedLabel();

    [GeneratedRegex(@"^(?<label>\(?\d{1,3}[.)])(?:\s+|$)")]
    private static partial Regex NumberLabel();

    [GeneratedRegex(@"^(?<label>\(?[a-hj-z][).])\s+")]
    private static partial Regex LetterLabel();

    [GeneratedRegex(@"^(?<label>(?<number>\d{1,3})[.)])(?=\S)")]
    private static partial Regex GluedNumberLabel();

    [GeneratedRegex(@"\d+")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\d+\.\d")]
    private static partial Regex DecimalStart();

    [GeneratedRegex(@"^(Name|Date|Class|Period|Teacher|Score)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex FormField();

    // Words of three or more letters: math lines have few ("sin", "log" count, which is fine at <= 2).
    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Words();

    [GeneratedRegex(@"[=+\-−—–×÷*/^<>≤≥²³]|\d\s*[xX]\s*\d")]
    private static partial Regex Operator();

    [GeneratedRegex(@"(?<![A-Za-z])[a-z](?![A-Za-z])")]
    private static partial Regex SingleLetter();

    // The math at the end of a line such as "Solve 2x + 3 = 11" or "Simplify: 3/4 + 1/2".
    [GeneratedRegex(@"(?<=^|[\s:])[-−—–(]?[\dA-Za-z(][^A-Za-z]{0,2}[\w\s()+\-−—–×÷*/^=<>.,²³|]*[=+\-−—–×÷*/^<>][\w\s()+\-−—–×÷*/^=<>.,²³|]*$")]
    private static partial Regex MathTail();
}
