using System.Globalization;
using System.Text.Json;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Validation;

namespace StudyHub.Practice.Domain;

/// <summary>How one pair (match) or one position (order) of an answer went.</summary>
/// <param name="Item">Match: the item's id; order: the 1-based position.</param>
/// <param name="Given">The target id (match) or item id (order) the student put there.</param>
/// <param name="Expected">What belongs there.</param>
internal sealed record ArrangedPart(string Item, string Given, string Expected)
{
    public bool Right => Given == Expected;
}

/// <summary>
/// Reads and grades the answers of match and order questions (docs/practice.md, "Match and order").
/// A match answer pairs every item with a different target, as an object <c>{"a":"3","b":"1"}</c>
/// or a list of pairs <c>[["a","3"],["b","1"]]</c>; an order answer lists every item id once, first
/// to last. Unknown, repeated or missing ids are refused (400 on the <c>answer</c> field) before
/// anything is scored, so a forged arrangement can never earn a fraction.
/// </summary>
internal static class Arrangement
{
    /// <summary>More parts than any generated question has; bounds the work a forged answer can cause.</summary>
    public const int MaxParts = 12;

    public const string Field = "answer";

    /// <summary>The pairing item → target, in the order of <paramref name="items"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadPairs(JsonElement answer, IReadOnlyList<string> items, IReadOnlyList<string> targets)
    {
        var pairs = new List<(string Item, string Target)>();
        const string Shape = "Pair every item with a target: {\"a\": \"1\", \"b\": \"2\"} or [[\"a\", \"1\"], [\"b\", \"2\"]].";
        switch (answer.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in answer.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String || pairs.Count >= MaxParts)
                    {
                        throw Invalid(Shape);
                    }

                    pairs.Add((property.Name, property.Value.GetString()!));
                }

                break;
            case JsonValueKind.Array when answer.GetArrayLength() <= MaxParts:
                foreach (var pair in answer.EnumerateArray())
                {
                    if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                        || pair[0].ValueKind != JsonValueKind.String || pair[1].ValueKind != JsonValueKind.String)
                    {
                        throw Invalid(Shape);
                    }

                    pairs.Add((pair[0].GetString()!, pair[1].GetString()!));
                }

                break;
            default:
                throw Invalid(Shape);
        }

        var errors = new FieldErrors();
        foreach (var (item, target) in pairs)
        {
            if (!items.Contains(item))
            {
                errors.Add(Field, $"'{Shorten(item)}' is not an item of this question.");
            }

            if (!targets.Contains(target))
            {
                errors.Add(Field, $"'{Shorten(target)}' is not one of the answers to pair with.");
            }
        }

        foreach (var repeated in pairs.GroupBy(p => p.Item).Where(g => g.Count() > 1))
        {
            errors.Add(Field, $"'{Shorten(repeated.Key)}' is paired more than once.");
        }

        foreach (var repeated in pairs.GroupBy(p => p.Target).Where(g => g.Count() > 1))
        {
            errors.Add(Field, $"'{Shorten(repeated.Key)}' is given to more than one item.");
        }

        foreach (var missing in items.Where(i => pairs.All(p => p.Item != i)))
        {
            errors.Add(Field, $"Pair every item: '{missing}' has no partner.");
        }

        errors.ThrowIfAny();
        return [.. items.Select(i => KeyValuePair.Create(i, pairs.First(p => p.Item == i).Target))];
    }

    /// <summary>The item ids first to last, each exactly once.</summary>
    public static IReadOnlyList<string> ReadSequence(JsonElement answer, IReadOnlyList<string> items)
    {
        const string Shape = "List every item id once, first to last: [\"c\", \"a\", \"b\"].";
        if (answer.ValueKind != JsonValueKind.Array || answer.GetArrayLength() > MaxParts
            || answer.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Invalid(Shape);
        }

        var sequence = answer.EnumerateArray().Select(e => e.GetString()!).ToList();
        var errors = new FieldErrors();
        foreach (var unknown in sequence.Where(id => !items.Contains(id)).Distinct())
        {
            errors.Add(Field, $"'{Shorten(unknown)}' is not an item of this question.");
        }

        foreach (var repeated in sequence.GroupBy(id => id).Where(g => g.Count() > 1))
        {
            errors.Add(Field, $"'{Shorten(repeated.Key)}' is placed more than once.");
        }

        foreach (var missing in items.Where(i => !sequence.Contains(i)))
        {
            errors.Add(Field, $"Place every item: '{missing}' is missing.");
        }

        errors.ThrowIfAny();
        return sequence;
    }

    public static IReadOnlyList<ArrangedPart> GradePairs(IReadOnlyList<KeyValuePair<string, string>> given, IReadOnlyDictionary<string, string> key) =>
        [.. given.Select(p => new ArrangedPart(p.Key, p.Value, key[p.Key]))];

    public static IReadOnlyList<ArrangedPart> GradeSequence(IReadOnlyList<string> given, IReadOnlyList<string> key) =>
        [.. key.Select((id, i) => new ArrangedPart((i + 1).ToString(CultureInfo.InvariantCulture), given[i], id))];

    /// <summary>The share of pairs or positions right: the fraction the score formula multiplies by.</summary>
    public static decimal FractionRight(IReadOnlyList<ArrangedPart> parts) =>
        parts.Count == 0 ? 0m : parts.Count(p => p.Right) / (decimal)parts.Count;

    /// <summary>A stable text of a pairing (items in question order), stored with the attempt and hashed for idempotency.</summary>
    public static string Canonical(IReadOnlyList<KeyValuePair<string, string>> pairs) =>
        JsonSerializer.Serialize(pairs.ToDictionary(p => p.Key, p => p.Value));

    public static string Canonical(IReadOnlyList<string> sequence) => JsonSerializer.Serialize(sequence);

    public static IReadOnlyDictionary<string, string> PairsKey(string answerKey) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(answerKey) ?? [];

    public static IReadOnlyList<string> SequenceKey(string answerKey) =>
        JsonSerializer.Deserialize<List<string>>(answerKey) ?? [];

    private static ValidationFailedException Invalid(string reason) => ValidationFailedException.For(Field, reason);

    /// <summary>Ids are echoed in errors; a forged one is cut so the problem detail stays small.</summary>
    private static string Shorten(string id) => id.Length <= 20 ? id : id[..20] + "…";
}
