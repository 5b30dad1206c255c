using System.Globalization;
using System.Text;

namespace StudyHub.Content.Classification;

/// <summary>
/// Multinomial naive Bayes over lower-cased, lightly stemmed words with Lidstone
/// smoothing (Manning, Raghavan &amp; Schütze, "Introduction to Information Retrieval", ch. 13):
/// small, deterministic and trained in milliseconds from the labelled set at start. Features never
/// seen in training are ignored, as the book does: otherwise they only reward labels with few words.
/// </summary>
internal sealed class NaiveBayesModel
{
    private readonly Dictionary<string, double> _logPriors;
    private readonly Dictionary<string, Dictionary<string, double>> _logLikelihoods;
    private readonly Dictionary<string, double> _unseenLogLikelihood;
    private readonly HashSet<string> _vocabulary;

    /// <summary>Lidstone's α: with a handful of examples per label, add-one smoothing drowns the evidence.</summary>
    private const double Smoothing = 0.1;

    private NaiveBayesModel(
        Dictionary<string, double> logPriors,
        Dictionary<string, Dictionary<string, double>> logLikelihoods,
        Dictionary<string, double> unseenLogLikelihood,
        HashSet<string> vocabulary)
    {
        _vocabulary = vocabulary;
        _logPriors = logPriors;
        _logLikelihoods = logLikelihoods;
        _unseenLogLikelihood = unseenLogLikelihood;
    }

    public IReadOnlyCollection<string> Labels => _logPriors.Keys;

    public static NaiveBayesModel Train(IEnumerable<LabelledExample> examples)
    {
        var documentsPerLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var example in examples)
        {
            total++;
            documentsPerLabel[example.Label] = documentsPerLabel.GetValueOrDefault(example.Label) + 1;
            if (!counts.TryGetValue(example.Label, out var featureCounts))
            {
                featureCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                counts[example.Label] = featureCounts;
            }

            foreach (var feature in Features(example.Text))
            {
                featureCounts[feature] = featureCounts.GetValueOrDefault(feature) + 1;
                vocabulary.Add(feature);
            }
        }

        if (total == 0)
        {
            throw new InvalidOperationException("The classifier needs at least one labelled example.");
        }

        var logPriors = documentsPerLabel.ToDictionary(p => p.Key, p => System.Math.Log((double)p.Value / total), StringComparer.Ordinal);
        var logLikelihoods = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var unseen = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (label, featureCounts) in counts)
        {
            var denominator = featureCounts.Values.Sum() + (Smoothing * vocabulary.Count);
            logLikelihoods[label] = featureCounts.ToDictionary(f => f.Key, f => System.Math.Log((f.Value + Smoothing) / denominator), StringComparer.Ordinal);
            unseen[label] = System.Math.Log(Smoothing / denominator);
        }

        return new NaiveBayesModel(logPriors, logLikelihoods, unseen, vocabulary);
    }

    /// <summary>Every label's posterior probability (summing to 1); empty when the text has no feature seen in training.</summary>
    public IReadOnlyDictionary<string, double> Posteriors(string text)
    {
        var features = Features(text).Where(_vocabulary.Contains).ToList();
        if (features.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        var scores = _logPriors.ToDictionary(
            p => p.Key,
            p => p.Value + features.Sum(f => _logLikelihoods[p.Key].TryGetValue(f, out var l) ? l : _unseenLogLikelihood[p.Key]),
            StringComparer.Ordinal);
        var best = scores.Values.Max();
        var normaliser = scores.Values.Sum(s => System.Math.Exp(s - best));
        return scores.ToDictionary(s => s.Key, s => System.Math.Exp(s.Value - best) / normaliser, StringComparer.Ordinal);
    }

    /// <summary>
    /// Words (letters and digits, stop words kept out). Bigrams were tried and dropped: with a
    /// handful of examples per label they did not raise held-out accuracy.
    /// </summary>
    internal static IEnumerable<string> Features(string text) =>
        Words(text).Where(w => !StopWords.Contains(w)).Select(Stem);

    /// <summary>Folds plurals and common verb endings ("equations" → "equation", "solving" → "solv").</summary>
    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                if (SymbolWord(c) is { } symbol)
                {
                    yield return symbol;
                }
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>
    /// Signs that say as much as a word ("15%" is about percentages, "x²" about powers, "→" about a reaction),
    /// read as that word so they count with it.
    /// </summary>
    private static string? SymbolWord(char c) => c switch
    {
        '%' => "percent",
        '^' or '²' or '³' => "power",
        '√' => "root",
        '°' => "degrees",
        '$' or '€' or '£' => "money",
        '<' or '>' or '≤' or '≥' => "inequality",
        '→' => "reaction",
        _ => null,
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "is", "are", "was", "it", "its", "for",
        "with", "by", "at", "as", "be", "this", "that", "what", "which", "how", "why", "do", "does",
        "you", "your", "each", "from", "into", "their", "his", "her",
    };
}

internal sealed record LabelledExample(string Label, string Text);

/// <summary>The labelled problems kept in the repo (<c>labelled-problems.tsv</c>, embedded).</summary>
internal static class LabelledProblems
{
    private const string ResourceName = "StudyHub.Content.Classification.labelled-problems.tsv";
    private const string VocabularyResourceName = "StudyHub.Content.Classification.skill-vocabulary.tsv";

    /// <summary>Every 5th example of each label: never trained on by the accuracy test.</summary>
    public static bool IsHeldOut(int indexWithinLabel) => indexWithinLabel % 5 == 4;

    public static IReadOnlyList<(LabelledExample Example, bool HeldOut)> Load()
    {
        var perLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. Read(ResourceName).Select(example =>
        {
            var index = perLabel.GetValueOrDefault(example.Label);
            perLabel[example.Label] = index + 1;
            return (example, IsHeldOut(index));
        })];
    }

    /// <summary>
    /// Each skill's marker words (<c>skill-vocabulary.tsv</c>) as one more example of it: with a handful of
    /// problems per skill, most words of a new problem were never seen, and these widen what is recognised.
    /// </summary>
    public static IReadOnlyList<LabelledExample> Vocabulary() => [.. Read(VocabularyResourceName)];

    /// <summary>What the built-in classifier trains on in the app: every labelled problem and the vocabulary.</summary>
    public static IReadOnlyList<LabelledExample> All() => [.. Load().Select(e => e.Example), .. Vocabulary()];

    private static IEnumerable<LabelledExample> Read(string resourceName)
    {
        using var stream = typeof(LabelledProblems).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The classifier resource {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidOperationException($"{resourceName}: a line without a label: {line}");
            }

            yield return new LabelledExample(line[..tab], line[(tab + 1)..]);
        }
    }
}
