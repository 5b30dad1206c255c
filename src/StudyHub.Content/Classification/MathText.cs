using System.Text.RegularExpressions;
using StudyHub.Math;

namespace StudyHub.Content.Classification;

/// <summary>The math engine's reading of a problem, with the text it was given.</summary>
internal sealed record MathReading(string EngineInput, ProblemKind Kind);

/// <summary>
/// Decides what of a problem goes to the math engine. The engine reads "the pH" as t·h·e·p·H, so
/// only text whose words are math directives ("solve for", "simplify", function names) is given
/// to it: a sentence never gets an answer key it does not have.
/// </summary>
internal static partial class MathText
{
    private static readonly HashSet<string> DirectiveWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "solve", "for", "simplify", "simplified", "reduce", "factor", "factorise", "factorize", "expand", "multiply", "out",
        "evaluate", "find", "the", "derivative", "of", "differentiate", "with", "respect", "to", "wrt", "when", "if", "at",
        "where", "given", "calculate", "compute", "work", "what", "is", "exact", "exactly", "answer", "value", "form",
        "give", "an", "please", "each", "following", "expression", "expressions", "equation", "equations", "system", "and", "sin", "cos", "tan", "sqrt", "log", "ln", "exp",
    };

    /// <summary>The engine's input for a problem: its shared instruction joined to it when there is one.</summary>
    public static IEnumerable<string> EngineInputs(string text, string? instruction)
    {
        var problem = text.Trim();
        if (!string.IsNullOrWhiteSpace(instruction) && IsMathDirective(instruction))
        {
            yield return instruction.Trim().TrimEnd(':', '.').Trim() + ": " + problem;

            // "Solve:" over "2x + 3 = 7" reads the same without it; but "Factor:" over "x^2 - 4"
            // does not (alone it would be simplified), so only an equation may drop its instruction.
            if (HasRelation(problem))
            {
                yield return problem;
            }

            yield break;
        }

        yield return problem;
    }

    /// <summary>
    /// True when the text has a digit or an operator and every word of three or more letters is a
    /// math directive or function name ("what is the pH" has neither, so it is not math).
    /// </summary>
    public static bool LooksLikeMath(string text) =>
        text.Any(c => char.IsDigit(c) || "=<>^+-*/√≤≥".Contains(c, StringComparison.Ordinal))
        && Words().Matches(text).All(m => DirectiveWords.Contains(m.Value));

    /// <summary>"Solve for x:", "Factor", "Simplify each expression." — an instruction made of directive words only.</summary>
    public static bool IsMathDirective(string instruction) =>
        Words().Matches(instruction) is { Count: > 0 } words && words.All(m => DirectiveWords.Contains(m.Value));

    /// <summary>Reads a problem with the engine without solving it; null when it is not math the engine reads.</summary>
    public static MathReading? Read(MathEngine engine, string text, string? instruction)
    {
        foreach (var input in EngineInputs(text, instruction))
        {
            if (!LooksLikeMath(input))
            {
                continue;
            }

            try
            {
                return new MathReading(input, engine.Classify(input));
            }
            catch (MathEngineException)
            {
                // Not readable this way; try the next reading, if any.
            }
        }

        return null;
    }

    private static bool HasRelation(string text) => text.IndexOfAny(['=', '<', '>', '≤', '≥']) >= 0;

    /// <summary>Words of three or more letters (single letters are variables, "dx" a differential).</summary>
    [GeneratedRegex(@"\p{L}{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
