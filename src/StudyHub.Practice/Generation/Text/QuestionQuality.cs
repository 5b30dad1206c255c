using System.Text.Json;
using System.Text.RegularExpressions;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Generation.Text;

/// <summary>
/// The quality rules every generated text question must keep (issue #9): one correct answer, no
/// duplicate options, distractors of the answer's type and length class, and nothing answerable
/// from the question's own wording. A question breaking one is dropped: fewer questions, never bad ones.
/// </summary>
internal static partial class QuestionQuality
{
    public const int MinParts = 3;
    public const int MaxParts = 6;

    /// <summary>Why <paramref name="question"/> breaks a rule, or null when it keeps them all.</summary>
    public static string? Problem(GeneratedQuestion question) => question.Type switch
    {
        QuestionType.MultipleChoice => ChoiceProblem(question),
        QuestionType.Match => MatchProblem(question),
        QuestionType.Order => OrderProblem(question),
        _ => null,
    };

    /// <summary>What kind of text an option is: a year, another number, or words. Options of a question share one.</summary>
    public static string ShapeOf(string text) =>
        YearShape().IsMatch(text.Trim()) ? "year" : NumberShape().IsMatch(text.Trim()) ? "number" : "words";

    /// <summary>Word count class 1, 2–3, 4–7, 8+; within the shorter classes the longer text is at most 2.5 times the shorter.</summary>
    public static bool SameLengthClass(string a, string b)
    {
        static int Class(int words) => words switch { 1 => 1, <= 3 => 2, <= 7 => 3, _ => 4 };
        int wordsA = Words(a), wordsB = Words(b);
        if (Class(wordsA) != Class(wordsB))
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a.Length, b.Length) : (b.Length, a.Length);
        return Class(wordsA) > 2 || longer <= shorter * 2.5;
    }

    public static string Normalize(string text) => Spaces().Replace(text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant(), " ");

    private static string? ChoiceProblem(GeneratedQuestion question)
    {
        var options = question.Options;
        if (options.Count < 2 || options.Any(o => o.IsTarget))
        {
            return "a choice question needs at least two options";
        }

        if (Duplicates(options) is { } duplicate)
        {
            return duplicate;
        }

        var right = options.Where(o => o.Id == question.AnswerKey).ToList();
        if (right.Count != 1)
        {
            return "exactly one option must be the answer";
        }

        var isTrueFalse = options.Count == 2 && options.Select(o => Normalize(o.Text)).Order(StringComparer.Ordinal).SequenceEqual(["false", "true"]);
        if (isTrueFalse)
        {
            return null;
        }

        var answer = right[0].Text;
        if (TextFacts.Contains(question.Prompt, answer))
        {
            return "the prompt contains its own answer";
        }

        foreach (var distractor in options.Where(o => o.Id != question.AnswerKey))
        {
            if (ShapeOf(distractor.Text) != ShapeOf(answer))
            {
                return $"'{distractor.Text}' is not the same type as the answer";
            }

            if (!SameLengthClass(distractor.Text, answer))
            {
                return $"'{distractor.Text}' is not the answer's length class";
            }

            if (TextFacts.Contains(distractor.Text, answer) || TextFacts.Contains(answer, distractor.Text))
            {
                return $"'{distractor.Text}' overlaps the answer";
            }
        }

        return null;
    }

    private static string? MatchProblem(GeneratedQuestion question)
    {
        var items = question.Options.Where(o => !o.IsTarget).ToList();
        var targets = question.Options.Where(o => o.IsTarget).ToList();
        if (items.Count is < MinParts or > MaxParts || targets.Count != items.Count)
        {
            return $"a match question pairs {MinParts} to {MaxParts} items with as many targets";
        }

        if ((Duplicates(items) ?? Duplicates(targets)) is { } duplicate)
        {
            return duplicate;
        }

        Dictionary<string, string>? key;
        try
        {
            key = JsonSerializer.Deserialize<Dictionary<string, string>>(question.AnswerKey);
        }
        catch (JsonException)
        {
            key = null;
        }

        if (key is null || !key.Keys.Order(StringComparer.Ordinal).SequenceEqual(items.Select(i => i.Id).Order(StringComparer.Ordinal))
            || !key.Values.Order(StringComparer.Ordinal).SequenceEqual(targets.Select(t => t.Id).Order(StringComparer.Ordinal)))
        {
            return "the key must pair every item with a different target";
        }

        foreach (var item in items)
        {
            if (targets.Any(t => TextFacts.Contains(t.Text, item.Text)))
            {
                return $"a target names '{item.Text}', which gives its pair away";
            }
        }

        return null;
    }

    private static string? OrderProblem(GeneratedQuestion question)
    {
        var items = question.Options;
        if (items.Count is < MinParts or > MaxParts || items.Any(o => o.IsTarget))
        {
            return $"an order question arranges {MinParts} to {MaxParts} items";
        }

        if (Duplicates(items) is { } duplicate)
        {
            return duplicate;
        }

        List<string>? key;
        try
        {
            key = JsonSerializer.Deserialize<List<string>>(question.AnswerKey);
        }
        catch (JsonException)
        {
            key = null;
        }

        if (key is null || !key.Order(StringComparer.Ordinal).SequenceEqual(items.Select(i => i.Id).Order(StringComparer.Ordinal)))
        {
            return "the key must place every item once";
        }

        if (key.SequenceEqual(items.Select(i => i.Id)))
        {
            return "the items are shown already in order";
        }

        return items.FirstOrDefault(i => TellsPosition(i.Text)) is { } telling
            ? $"'{telling.Text}' gives its position away (a year, number or sequence word)"
            : null;
    }

    /// <summary>Whether an item to order carries its own position (a year, a number, a sequence word).</summary>
    public static bool TellsPosition(string text) => GivesPositionAway().IsMatch(text);

    private static string? Duplicates(IReadOnlyList<QuestionOption> options)
    {
        if (options.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            return "two options share an id";
        }

        return options.Select(o => Normalize(o.Text)).Distinct(StringComparer.Ordinal).Count() != options.Count
            ? "two options read the same"
            : null;
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(?:1[0-9]{3}|20[0-9]{2})$")]
    private static partial Regex YearShape();

    [GeneratedRegex(@"^-?\d+(?:[.,]\d+)?%?$")]
    private static partial Regex NumberShape();

    [GeneratedRegex(@"\b(?:1[0-9]{3}|20[0-9]{2})\b|^\s*(?:\d+[.)]|step\s+\d)|\b(?:first(?:ly)?|secondly|thirdly|then|next|finally|lastly|afterwards)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesPositionAway();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
