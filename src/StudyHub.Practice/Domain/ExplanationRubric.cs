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
/// when any of its cues appears outside a negation. Deliberately lenient on wording and strict on
/// content: a vague "that step is wrong" names neither concept; an explanation about another
/// operation names neither; "do not subtract" or "you shouldn't add" does not name the operation
/// (it says what not to do, not the fix), while "Sam didn't change the sign" describes the mistake
/// and names its fix.
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
        var words = Affirmed(Words(explanation));
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

    // Words that make the rest of their clause a thing not to do. "not" after did/was/were/had/has
    // describes what Sam failed to do ("you did not flip the sign"), which names the fix.
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "dont", "doesnt", "shouldnt", "mustnt", "cant", "cannot", "wont", "wouldnt", "neednt", "isnt", "arent", "nor", "neither",
    };

    private static readonly HashSet<string> Descriptive = new(StringComparer.Ordinal) { "did", "was", "were", "had", "has", "have" };

    // Where a negation stops: punctuation (an empty word), a turn to what to do instead, or a new
    // clause ("the denominator doesn't change when you add" still names adding).
    private static readonly HashSet<string> ClauseEnds = new(StringComparer.Ordinal)
    {
        "", "but", "instead", "rather", "so", "then", "because", "and", "just", "only", "when", "if", "after", "before", "while",
    };

    /// <summary>The words with every negated one blanked, so a cue under "do not …" never counts and phrases never span a negation.</summary>
    private static List<string> Affirmed(List<string> words)
    {
        var affirmed = new List<string>(words.Count);
        var negated = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (ClauseEnds.Contains(word) && !(word == "instead" && i + 1 < words.Count && words[i + 1] == "of"))
            {
                negated = false;
            }
            else if ((Negations.Contains(word) && !(word == "not" && i > 0 && Descriptive.Contains(words[i - 1])))
                || (word == "instead" && i + 1 < words.Count && words[i + 1] == "of"))
            {
                negated = true;
            }
            else if (negated)
            {
                affirmed.Add("");
                continue;
            }

            affirmed.Add(word);
        }

        return affirmed;
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

    /// <summary>
    /// Lower-case words; symbols a student may type for an operation (÷) are words of their own;
    /// apostrophes vanish ("don't" is "dont"); punctuation that ends a clause is an empty word.
    /// </summary>
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

            if (c is '\'' or '’')
            {
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
            else if (c is ',' or '.' or ';' or ':' or '!' or '?' or '(' or ')')
            {
                words.Add("");
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
