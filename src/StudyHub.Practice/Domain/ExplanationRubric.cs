using System.Text;

namespace StudyHub.Practice.Domain;

/// <summary>One idea an explanation must name, and the words (stems or phrases) that count as naming it.</summary>
/// <param name="Describe">What the idea is, as the feedback says it when missing ("say what happens to the sign").</param>
/// <param name="Cues">
/// Lower-case cues: a single word is a stem matched at the start of any word ("divid" matches
/// "divide", "divided", "dividing"); a cue with a space is a phrase matched on whole words.
/// </param>
internal sealed record RubricConcept(string Describe, IReadOnlyList<string> Cues);

/// <summary>How an explanation did against a rubric.</summary>
internal sealed record RubricJudgement(bool NamedOperation, bool NamedIdea)
{
    /// <summary>Share of the explanation's half of the points: a quarter each for the operation and the idea.</summary>
    public decimal Fraction => (NamedOperation ? 0.25m : 0m) + (NamedIdea ? 0.25m : 0m);
}

/// <summary>
/// The built-in judge of a teach-the-AI explanation (docs/practice.md, "Teach the AI"): for each
/// misconception the math engine plants in a worked solution, the operation of the wrong step and
/// the key idea of its fix, each with the synonyms students use. The explanation names a concept
/// when any of its cues appears. Deliberately lenient on wording and strict on content: a vague
/// "that step is wrong" names neither concept; an explanation about another operation names neither.
/// </summary>
internal static class ExplanationRubric
{
    /// <summary>Misconception (the math engine's <c>Misconception</c> name) → (operation, idea).</summary>
    public static readonly IReadOnlyDictionary<string, (RubricConcept Operation, RubricConcept Idea)> Catalogue =
        new Dictionary<string, (RubricConcept, RubricConcept)>(StringComparer.Ordinal)
        {
            ["SignErrorMovingTerm"] = (
                new("say how the number moves to the other side (subtract or add it on both sides)",
                    ["subtract", "take away", "minus", "add", "plus", "move", "moving", "other side", "across"]),
                new("say what happens to its sign", ["sign", "negative", "positive", "opposite", "change", "minus", "plus", "inverse"])),
            ["DividedTheWrongWay"] = (
                new("say that both sides are divided by the number in front of the unknown", ["divid", "division", "over", "÷", "coefficient"]),
                new("say which number goes on top", ["wrong way", "upside down", "swap", "switch", "revers", "backward", "other way", "flip", "top", "bottom", "numerator", "denominator", "reciprocal", "round"])),
            ["ForgotToFlipInequality"] = (
                new("say that both sides are divided (or multiplied) by a negative number", ["divid", "division", "multipl", "times", "negative", "minus"]),
                new("say that the inequality sign must turn round", ["flip", "revers", "switch", "turn", "other way", "change direction", "opposite direction", "backward", "inequality sign", "greater", "less"])),
            ["SignErrorInFactors"] = (
                new("say that the factoring (the brackets) is wrong", ["factor", "bracket", "parenthes", "expand", "multiply out", "multiplying out", "foil"]),
                new("say what is wrong with the signs", ["sign", "negative", "positive", "plus", "minus", "opposite"])),
            ["ScaledDenominatorsOnly"] = (
                new("say that each fraction is multiplied to get the common denominator", ["multipl", "times", "scale", "same number", "equivalent"]),
                new("say that the numerators (tops) must change too", ["numerator", "top"])),
            ["AddedNumeratorsAndDenominators"] = (
                new("say what adding the fractions does", ["add", "sum", "plus", "total"]),
                new("say that the denominator stays the same", ["denominator", "bottom", "stays", "stay the same", "keep", "unchanged", "common", "same"])),
        };

    public static bool Covers(string misconception) => Catalogue.ContainsKey(misconception);

    public static RubricJudgement Judge(string misconception, string explanation)
    {
        var (operation, idea) = Catalogue[misconception];
        var words = Words(explanation);
        return new RubricJudgement(Names(operation, words), Names(idea, words));
    }

    /// <summary>What the explanation still has to say, for the feedback; null when it named both.</summary>
    public static string? Missing(string misconception, RubricJudgement judgement)
    {
        var (operation, idea) = Catalogue[misconception];
        var missing = new List<string>();
        if (!judgement.NamedOperation)
        {
            missing.Add(operation.Describe);
        }

        if (!judgement.NamedIdea)
        {
            missing.Add(idea.Describe);
        }

        return missing.Count == 0 ? null : string.Join(", and ", missing);
    }

    private static bool Names(RubricConcept concept, IReadOnlyList<string> words)
    {
        var text = " " + string.Join(' ', words) + " ";
        foreach (var cue in concept.Cues)
        {
            if (cue.Contains(' ', StringComparison.Ordinal)
                ? text.Contains(" " + cue + " ", StringComparison.Ordinal)
                : words.Any(w => w.StartsWith(cue, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-case words; symbols a student may type for an operation (÷) are words of their own.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            if (c == '÷')
            {
                words.Add("÷");
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
