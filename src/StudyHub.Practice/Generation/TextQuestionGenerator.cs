using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation.Text;

namespace StudyHub.Practice.Generation;

/// <summary>
/// Questions on prose (history, biology, grammar …) from the key terms, definitions, dates and
/// steps <see cref="TextFacts"/> finds: term ↔ definition match, ordering of dated events or steps,
/// "which term is described", cloze (fill the blank) on key terms, true/false by swapping a term or
/// year for another of the same kind, and "in which year". Distractors are always terms of the
/// answer's kind taken from the same text. Every question passes <see cref="QuestionQuality"/>, or
/// is dropped.
/// </summary>
internal sealed partial class TextQuestionGenerator : IQuestionGenerator
{
    private const int MaxDefinitionLength = 160;
    private static readonly string[] ChoiceIds = ["a", "b", "c", "d"];
    private static readonly string[] ItemIds = ["a", "b", "c", "d", "e", "f"];
    private static readonly string[] TargetIds = ["1", "2", "3", "4", "5", "6"];

    public IReadOnlyList<GeneratedQuestion> Generate(SourceProblem source, int count, int seed)
    {
        var facts = TextFacts.Read(source.Text);
        var random = new Random(seed);
        var skill = source.SkillId;

        // One family after another, so even a short game mixes kinds; each family in a seeded order.
        List<List<GeneratedQuestion>> families =
        [
            [.. new[] { Match(facts, skill, random) }.OfType<GeneratedQuestion>()],
            [.. new[] { OrderEvents(facts, skill, random), OrderSteps(facts, skill, random) }.OfType<GeneratedQuestion>()],
            Shuffle(facts.Defined.Select(t => WhichTerm(facts, t, skill, random)).OfType<GeneratedQuestion>(), random),
            Shuffle(facts.Terms.Where(t => t.Kind != TermKind.Year).Select(t => Cloze(facts, t, skill, random)).OfType<GeneratedQuestion>(), random),
            Shuffle(facts.Defined.Select(t => TrueOrFalse(facts, t, skill, random))
                .Concat(facts.Events.Select(e => TrueOrFalseYear(facts, e, skill, random))).OfType<GeneratedQuestion>(), random),
            Shuffle(facts.Events.Select(e => WhichYear(facts, e, skill, random)).OfType<GeneratedQuestion>(), random),
        ];

        var questions = new List<GeneratedQuestion>();
        while (questions.Count < count && families.Any(f => f.Count > 0))
        {
            foreach (var family in families.Where(f => f.Count > 0))
            {
                var question = family[0];
                family.RemoveAt(0);
                if (questions.Count < count && QuestionQuality.Problem(question) is null && questions.All(q => q.Prompt != question.Prompt))
                {
                    questions.Add(question);
                }
            }
        }

        return questions;
    }

    private static GeneratedQuestion? Match(TextFacts facts, string skill, Random random)
    {
        var defined = facts.Defined
            .Where(t => t.Definition!.Length <= MaxDefinitionLength)
            .DistinctBy(t => QuestionQuality.Normalize(t.Definition!))
            .ToList();
        // No description may name another term of the set: that would give a pair away.
        var chosen = new List<KeyTerm>();
        foreach (var term in Shuffle(defined, random))
        {
            if (chosen.Count < 5 && chosen.All(c => !TextFacts.Contains(term.Definition!, c.Text) && !TextFacts.Contains(c.Definition!, term.Text)))
            {
                chosen.Add(term);
            }
        }

        if (chosen.Count < QuestionQuality.MinParts)
        {
            return null;
        }

        var targetOrder = Shuffle(Enumerable.Range(0, chosen.Count), random);
        var options = chosen.Select((t, i) => new QuestionOption(ItemIds[i], t.Text))
            .Concat(targetOrder.Select((termIndex, position) => new QuestionOption(TargetIds[position], Sentence(chosen[termIndex].Definition!), IsTarget: true)))
            .ToList();
        var key = chosen.Select((_, i) => (Item: ItemIds[i], Target: TargetIds[targetOrder.IndexOf(i)])).ToDictionary(p => p.Item, p => p.Target);
        // The answer as a student reads it, short enough to store whole: each term with its description's number.
        var pairs = string.Join("; ", chosen.Select((t, i) => $"{t.Text} → {key[ItemIds[i]]}"));
        return new GeneratedQuestion(
            QuestionType.Match, skill, "Match each term with its description.", null, options, JsonSerializer.Serialize(key), pairs,
            string.Join(" ", chosen.Select(t => $"{Sentence(t.Text)}: {Sentence(t.Definition!)}.")), new Dictionary<string, string>(),
            [.. chosen.Take(2).Select(t => $"“{t.Text}” goes with the description that begins “{FirstWords(t.Definition!, 4)}…”.")]);
    }

    private static GeneratedQuestion? OrderEvents(TextFacts facts, string skill, Random random)
    {
        // Only events whose order the text settles: different years, or both with a full date.
        var events = new List<DatedEvent>();
        foreach (var dated in Shuffle(facts.Events.Where(e => !QuestionQuality.TellsPosition(e.Text)), random))
        {
            if (events.Count < 5 && events.All(e => e.Year != dated.Year || (e.Month > 0 && dated.Month > 0)))
            {
                events.Add(dated);
            }
        }

        events = [.. events.OrderBy(e => (e.Year, e.Month, e.Day))];
        if (events.Count < QuestionQuality.MinParts)
        {
            return null;
        }

        var explanation = string.Join(" ", events.Select(e => $"{DateOf(e)}: {Sentence(e.Text)}."));
        return Order(skill, "Put these events in order, earliest first.", [.. events.Select(e => e.Text)], explanation, random);
    }

    private static GeneratedQuestion? OrderSteps(TextFacts facts, string skill, Random random)
    {
        var steps = facts.Steps.Where(s => !QuestionQuality.TellsPosition(s)).Take(QuestionQuality.MaxParts).ToList();
        if (steps.Count < QuestionQuality.MinParts)
        {
            return null;
        }

        var explanation = string.Join(" ", steps.Select((s, i) => $"{i + 1}. {Sentence(s)}."));
        return Order(skill, "Put these steps in the order the text gives them.", steps, explanation, random);
    }

    /// <summary>An order question over <paramref name="inOrder"/>, shown shuffled (never already in order).</summary>
    private static GeneratedQuestion Order(string skill, string prompt, IReadOnlyList<string> inOrder, string explanation, Random random)
    {
        var shown = Shuffle(Enumerable.Range(0, inOrder.Count), random);
        if (shown.SequenceEqual(Enumerable.Range(0, inOrder.Count)))
        {
            shown.Reverse();
        }

        var options = shown.Select((original, position) => new QuestionOption(ItemIds[position], Sentence(inOrder[original]))).ToList();
        var key = Enumerable.Range(0, inOrder.Count).Select(original => ItemIds[shown.IndexOf(original)]).ToList();
        return new GeneratedQuestion(
            QuestionType.Order, skill, prompt, null, options, JsonSerializer.Serialize(key),
            string.Join(" → ", key), explanation, new Dictionary<string, string>(),
            [$"First comes “{Sentence(inOrder[0])}”.", $"Last comes “{Sentence(inOrder[^1])}”."]);
    }

    /// <summary>"Which term is described?" with the definition as the prompt and same-kind terms as distractors.</summary>
    private static GeneratedQuestion? WhichTerm(TextFacts facts, KeyTerm term, string skill, Random random)
    {
        var prompt = $"Which {(term.Kind == TermKind.Name ? "name" : "term")} does the text describe as “{term.Definition}”?";
        return Choice(facts, term, prompt, skill, $"{Sentence(term.Text)}: {Sentence(term.Definition!)}.", random);
    }

    /// <summary>A sentence of the text with a key term blanked (every occurrence), answered by choosing the term.</summary>
    private static GeneratedQuestion? Cloze(TextFacts facts, KeyTerm term, string skill, Random random)
    {
        var sentence = facts.Sentences
            .Where(s => s != term.Sentence || term.Definition is null)
            .Where(s => TextFacts.Contains(s, term.Text) && s.Split(' ').Length is >= 6 and <= 40 && s[^1] is '.' or '!')
            .OrderBy(_ => random.Next())
            .FirstOrDefault();
        if (sentence is null)
        {
            return null;
        }

        var blanked = Regex.Replace(sentence, @"(?<![\p{L}\p{N}])" + Regex.Escape(term.Text) + @"(?![\p{L}\p{N}])", "_____",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return Choice(facts, term, "Fill in the blank: " + blanked, skill, sentence, random);
    }

    /// <summary>A multiple-choice question whose answer is <paramref name="term"/> and whose distractors are terms of its kind.</summary>
    private static GeneratedQuestion? Choice(TextFacts facts, KeyTerm term, string prompt, string skill, string explanation, Random random)
    {
        var distractors = Distractors(facts, term, prompt, random);
        if (distractors.Count < 2)
        {
            return null;
        }

        var choices = Shuffle(distractors.Append(term), random);
        var options = choices.Select((t, i) => new QuestionOption(ChoiceIds[i], t.Text)).ToList();
        var answer = options[choices.IndexOf(term)];
        var misconceptions = choices.Select((t, i) => (Id: ChoiceIds[i], Term: t))
            .Where(c => c.Term != term)
            .ToDictionary(c => c.Id, c => c.Term.Definition is { } definition
                ? $"In the text, “{c.Term.Text}” is {Lower(facts, definition)}."
                : $"“{c.Term.Text}” is another {KindName(c.Term.Kind)} from the text; read its sentence again.");
        var hints = new List<string>
        {
            $"The answer is a {KindName(term.Kind)} that appears in the text.",
            $"It starts with “{term.Text[0]}”.",
        };
        var ruledOut = distractors.Take(2).Select(d => $"“{d.Text}”").ToList();
        hints.Add($"It is not {string.Join(" and not ", ruledOut)}.");
        return new GeneratedQuestion(
            QuestionType.MultipleChoice, skill, prompt, null, options, answer.Id, answer.Text, explanation, misconceptions, hints);
    }

    /// <summary>Up to three terms of the answer's kind and length class, same definition category first, none named in the prompt.</summary>
    private static List<KeyTerm> Distractors(TextFacts facts, KeyTerm term, string prompt, Random random) =>
        [.. facts.Terms
            .Where(t => t.Kind == term.Kind && !TextFacts.Same(t.Text, term.Text)
                && QuestionQuality.SameLengthClass(t.Text, term.Text)
                && !TextFacts.Contains(t.Text, term.Text) && !TextFacts.Contains(term.Text, t.Text)
                && !TextFacts.Contains(prompt, t.Text))
            .DistinctBy(t => QuestionQuality.Normalize(t.Text))
            .OrderBy(t => term.Category is not null && t.Category == term.Category ? 0 : 1)
            .ThenBy(_ => random.Next())
            .Take(3)];

    /// <summary>True or false: the definition with its own term, or with another term of the same kind (then false).</summary>
    private static GeneratedQuestion? TrueOrFalse(TextFacts facts, KeyTerm term, string skill, Random random)
    {
        var swap = random.Next(2) == 0
            ? facts.Defined.Where(t => t.Kind == term.Kind && !TextFacts.Same(t.Text, term.Text)
                    && QuestionQuality.Normalize(t.Definition!) != QuestionQuality.Normalize(term.Definition!)
                    && !TextFacts.Contains(term.Definition!, t.Text))
                .OrderBy(t => t.Category == term.Category ? 0 : 1).ThenBy(_ => random.Next()).FirstOrDefault()
            : null;
        var named = swap ?? term;
        var statement = $"True or false: the text describes “{named.Text}” as “{term.Definition}”.";
        return TrueFalse(skill, statement, swap is null, $"{Sentence(term.Text)}: {Sentence(term.Definition!)}.",
            $"Find where the text uses the words “{FirstWords(term.Definition!, 4)}…”.");
    }

    /// <summary>True or false: an event with its own year, or with another year of the text (then false).</summary>
    private static GeneratedQuestion? TrueOrFalseYear(TextFacts facts, DatedEvent dated, string skill, Random random)
    {
        var otherYears = facts.Events.Select(e => e.Year).Where(y => y != dated.Year).Distinct().ToList();
        var year = otherYears.Count > 0 && random.Next(2) == 0 ? otherYears[random.Next(otherYears.Count)] : dated.Year;
        var statement = $"True or false: {Lower(facts, Sentence(dated.Text))} in {year.ToString(CultureInfo.InvariantCulture)}.";
        return TrueFalse(skill, statement, year == dated.Year, dated.Sentence, "Find the sentence about this event and look at its date.");
    }

    private static GeneratedQuestion TrueFalse(string skill, string statement, bool isTrue, string explanation, string hint) =>
        new(QuestionType.MultipleChoice, skill, statement, null, [new QuestionOption("true", "True"), new QuestionOption("false", "False")],
            isTrue ? "true" : "false", isTrue ? "True" : "False", explanation, new Dictionary<string, string>(), [hint]);

    /// <summary>"In which year …?" with the other years of the text as distractors.</summary>
    private static GeneratedQuestion? WhichYear(TextFacts facts, DatedEvent dated, string skill, Random random)
    {
        var term = facts.Terms.First(t => t.Kind == TermKind.Year && t.Text == dated.Year.ToString(CultureInfo.InvariantCulture));
        var prompt = $"In which year did this happen: {Lower(facts, Sentence(dated.Text))}?";
        var question = Choice(facts, term, prompt, skill, dated.Sentence, random);
        if (question is null)
        {
            return null;
        }

        // A wrong year's feedback names what happened then: the likely mix-up, never the answer.
        var misconceptions = question.Options.Where(o => o.Id != question.AnswerKey)
            .ToDictionary(o => o.Id, o => facts.Events.FirstOrDefault(e => e.Year.ToString(CultureInfo.InvariantCulture) == o.Text) is { } other
                ? $"{o.Text} is when this happened: {Lower(facts, Sentence(other.Text))}."
                : "Not that year.");
        return question with { Misconceptions = misconceptions, Hints = [question.Hints[^1]] };
    }

    private static string DateOf(DatedEvent dated) =>
        dated.Month == 0
            ? dated.Year.ToString(CultureInfo.InvariantCulture)
            : new DateTime(dated.Year, dated.Month, dated.Day, 0, 0, 0, DateTimeKind.Utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string KindName(TermKind kind) => kind switch
    {
        TermKind.Name => "name",
        TermKind.Year => "year",
        _ => "term",
    };

    private static string FirstWords(string text, int count) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(count));

    /// <summary>Text without its closing full stop (the page adds punctuation where it needs it).</summary>
    private static string Sentence(string text) => text.Trim().TrimEnd('.', ';');

    /// <summary>Lower-cases the first letter to continue a sentence, unless the text starts with a name of the text or an acronym.</summary>
    private static string Lower(TextFacts facts, string text)
    {
        var firstWord = text.Split(' ')[0];
        var startsWithName = NameStart().IsMatch(text)
            || facts.Terms.Any(t => t.Kind == TermKind.Name && text.StartsWith(t.Text, StringComparison.Ordinal))
            || facts.Sentences.Any(s => s.Contains(" " + firstWord + " ", StringComparison.Ordinal));
        return text.Length > 1 && char.IsUpper(text[0]) && !firstWord.Skip(1).Any(char.IsUpper) && !startsWithName
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    private static List<T> Shuffle<T>(IEnumerable<T> items, Random random) => [.. items.OrderBy(_ => random.Next())];

    [GeneratedRegex(@"^[A-Z][\p{Ll}]+\s+[A-Z]")]
    private static partial Regex NameStart();
}
