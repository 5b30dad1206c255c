namespace StudyHub.Math.Syntax;

/// <summary>
/// The words the reader understands and the letters it may treat as variables in one problem.
/// A run of letters is only split into single-letter variables when every letter is one the
/// problem itself uses as a variable (standing alone somewhere, like the a and b in "a^2 + 2ab + b^2"),
/// one the problem declares ("solve for t", "d/dt", "with respect to t"), or x, y and z (products like
/// "xy" are the one convention every textbook shares). Anything else is refused as not understood,
/// so "what percent" can never become w·h·a·t·p·e·r·c·e·n·t.
/// </summary>
internal sealed class Vocabulary
{
    /// <summary>Reads engine-printed text (answers built by the engine itself): every letter run splits.</summary>
    public static readonly Vocabulary Permissive = new(null);

    /// <summary>Every word a student may write that the engine knows, for "did you mean" suggestions.</summary>
    internal static readonly string[] KnownWords =
    [
        "solve", "simplify", "simplified", "evaluate", "factor", "factorise", "factorize", "factorised", "expand", "calculate", "compute",
        "differentiate", "derivative", "respect", "find", "what", "is", "of", "and", "or", "for", "when", "where", "if", "at", "value",
        "percent", "percentage", "increase", "decrease", "by", "express", "as", "change", "root", "cube", "square", "subject", "make",
        "rearrange", "the", "exact", "exactly", "answer", "fully", "completely", "sqrt", "sin", "cos", "tan", "exp", "abs", "log", "ln",
        "pi", "infinity", "degrees", "equation", "inequality", "system", "simultaneously", "substitute", "into", "work", "out", "reduce",
    ];

    /// <summary>Words the engine recognises but cannot do yet: refused as unsupported, naming what was recognised.</summary>
    private static readonly Dictionary<string, string> RecognisedButUnsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        ["integrate"] = "integration",
        ["integral"] = "integration",
        ["antiderivative"] = "integration",
        ["dx"] = "integration (dx)",
        ["limit"] = "limits",
        ["lim"] = "limits",
        ["sum"] = "sums of series",
        ["matrix"] = "matrices",
        ["det"] = "determinants",
        ["sec"] = "the secant function",
        ["csc"] = "the cosecant function",
        ["cosec"] = "the cosecant function",
        ["cot"] = "the cotangent function",
        ["arcsin"] = "inverse trigonometric functions",
        ["arccos"] = "inverse trigonometric functions",
        ["arctan"] = "inverse trigonometric functions",
        ["sinh"] = "hyperbolic functions",
        ["cosh"] = "hyperbolic functions",
        ["tanh"] = "hyperbolic functions",
        ["mod"] = "modular arithmetic",
        ["gcd"] = "greatest common divisors",
        ["lcm"] = "least common multiples",
        ["mean"] = "statistics",
        ["median"] = "statistics",
        ["probability"] = "probability",
    };

    private readonly HashSet<string>? _letters;

    private Vocabulary(HashSet<string>? letters) => _letters = letters;

    /// <summary>The vocabulary of one problem: its standalone letters, x, y, z and the declared names.</summary>
    public static Vocabulary For(string text, IEnumerable<string?> declared)
    {
        var letters = new HashSet<string>(StringComparer.Ordinal) { "x", "y", "z" };
        foreach (var name in declared)
        {
            if (!string.IsNullOrEmpty(name))
            {
                letters.Add(name);
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]) && (i == 0 || !char.IsLetter(text[i - 1])) && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
            {
                letters.Add(text[i].ToString());
            }
        }

        return new Vocabulary(letters);
    }

    public bool IsPermissive => _letters is null;

    public static bool IsRecognisedButUnsupported(string word) => RecognisedButUnsupported.ContainsKey(word);

    /// <summary>Variables are Latin or Greek letters (π excepted); a letter from another script is a word, not a variable.</summary>
    public static bool IsVariableLetter(char c) => char.IsAsciiLetter(c) || (c is >= 'α' and <= 'ω' && c != 'π') || c is >= 'Α' and <= 'Ω';

    /// <summary>May this letter (with any digits after it, "x2") stand as a variable inside a longer run?</summary>
    public bool MaySplit(string variable) => _letters is null || _letters.Contains(variable[..1]);

    /// <summary>Refuses a word: unsupported when it names something recognised, otherwise not understood with a suggestion.</summary>
    public static MathEngineException Refuse(string word, int position)
    {
        if (RecognisedButUnsupported.TryGetValue(word, out var what))
        {
            return new MathEngineException(ErrorCodes.Unsupported, $"Recognised '{word}' at position {position}: {what} is not something this engine does yet.", position)
            {
                Word = word,
            };
        }

        var suggestion = Suggest(word);
        var message = $"Did not understand '{word}' at position {position}."
            + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?");
        return new MathEngineException(ErrorCodes.NotUnderstood, message, position) { Word = word, Suggestion = suggestion };
    }

    /// <summary>The closest known word within a small edit distance (1 for short words, 2 for longer ones).</summary>
    public static string? Suggest(string word)
    {
        if (word.Length < 3)
        {
            return null;
        }

        var lower = word.ToLowerInvariant();
        var allowed = lower.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in KnownWords.Concat(RecognisedButUnsupported.Keys))
        {
            if (known == lower || System.Math.Abs(known.Length - lower.Length) > allowed)
            {
                continue;
            }

            var distance = EditDistance(lower, known);
            if (distance <= allowed && distance < bestDistance)
            {
                (best, bestDistance) = (known, distance);
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = System.Math.Min(System.Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
