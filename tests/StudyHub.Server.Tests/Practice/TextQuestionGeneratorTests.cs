using System.Text.Json;
using System.Text.RegularExpressions;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;
using StudyHub.Practice.Generation.Text;

namespace StudyHub.Server.Tests.Practice;

/// <summary>The built-in text generator on real-world-ish prose, and the quality rules it must keep.</summary>
public sealed partial class TextQuestionGeneratorTests
{
    private readonly TextQuestionGenerator _generator = new();

    [Fact]
    public void Sentences_split_at_full_stops_but_not_after_abbreviations_initials_or_list_numbers()
    {
        var sentences = Sentences.Split("Dr. Smith met J. Watt in St. Ives, e.g. at noon. Then they left!\n1. Mix the flour.\n2. Add water.");
        Assert.Equal(["Dr. Smith met J. Watt in St. Ives, e.g. at noon.", "Then they left!", "1. Mix the flour.", "2. Add water."], sentences);
    }

    [Fact]
    public void Wrapped_lines_are_joined_again()
    {
        var sentences = Sentences.Split("Chlorophyll is a green pigment\nthat absorbs light energy.\nStomata are pores.");
        Assert.Equal(["Chlorophyll is a green pigment that absorbs light energy.", "Stomata are pores."], sentences);
    }

    [Fact]
    public void Definitions_of_the_biology_paragraph_are_found_with_their_head_noun()
    {
        var facts = TextFacts.Read(TextFixtures.Photosynthesis);
        var defined = facts.Defined.ToDictionary(t => t.Text, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("a green pigment that absorbs light energy", defined["chlorophyll"].Definition);
        Assert.Equal("pigment", defined["chlorophyll"].Category);
        Assert.StartsWith("the process by which green plants", defined["photosynthesis"].Definition, StringComparison.Ordinal);
        Assert.Equal("pore", defined["stomata"].Category);
        Assert.Equal("sugar", defined["glucose"].Category);
        Assert.DoesNotContain(facts.Terms, t => t.Text.Equals("It", StringComparison.OrdinalIgnoreCase) || t.Text == "The process");
        Assert.Equal(3, facts.Steps.Count);
        Assert.StartsWith("The light-dependent reactions", facts.Steps[0], StringComparison.Ordinal);
        Assert.StartsWith("The Calvin cycle", facts.Steps[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_gives_dated_events_without_their_dates_and_names()
    {
        var facts = TextFacts.Read(TextFixtures.FrenchRevolution);
        var bastille = Assert.Single(facts.Events, e => e.Text.Contains("Bastille", StringComparison.Ordinal));
        Assert.Equal((1789, 7, 14), (bastille.Year, bastille.Month, bastille.Day));
        Assert.Equal("Crowds in Paris stormed the Bastille, a royal fortress and prison", bastille.Text);
        var louis = Assert.Single(facts.Events, e => e.Year == 1793);
        Assert.Equal("King Louis XVI was executed", louis.Text);
        Assert.All(facts.Events, e => Assert.DoesNotMatch(@"\b1[0-9]{3}\b", e.Text));

        var names = facts.Terms.Where(t => t.Kind == TermKind.Name).Select(t => t.Text).ToList();
        foreach (var name in new[] { "French Revolution", "Estates-General", "Versailles", "Paris", "National Assembly", "Reign of Terror", "Robespierre", "Napoleon Bonaparte" })
        {
            Assert.Contains(name, names);
        }

        Assert.DoesNotContain("During", names);
        Assert.Equal(["1789", "1792", "1793", "1799"], facts.Terms.Where(t => t.Kind == TermKind.Year).Select(t => t.Text).Order());
    }

    [Fact]
    public void A_glossary_gives_one_definition_per_line()
    {
        var facts = TextFacts.Read(TextFixtures.Grammar);
        Assert.Equal(["Adjective", "Adverb", "Conjunction", "Noun", "Preposition", "Pronoun", "Verb"], facts.Defined.Select(t => t.Text).Order());
        Assert.All(facts.Defined, t => Assert.Equal("word", t.Category));
        Assert.Empty(facts.Steps); // a definition list is not a sequence
        Assert.Empty(facts.Events);
    }

    [Theory]
    [InlineData(TextFixtures.Photosynthesis)]
    [InlineData(TextFixtures.FrenchRevolution)]
    [InlineData(TextFixtures.Grammar)]
    public void Every_question_keeps_the_quality_rules(string text)
    {
        for (var seed = 1; seed <= 25; seed++)
        {
            var questions = _generator.Generate(new SourceProblem(text, "general", "prose"), 20, seed);
            Assert.True(questions.Count >= 5, $"seed {seed}: only {questions.Count} questions");
            Assert.Equal(questions.Count, questions.Select(q => q.Prompt).Distinct().Count());
            foreach (var question in questions)
            {
                AssertKeepsTheRules(question);
            }
        }
    }

    [Fact]
    public void The_biology_paragraph_makes_every_kind_of_question()
    {
        var questions = _generator.Generate(new SourceProblem(TextFixtures.Photosynthesis, "biology.photosynthesis", "biology"), 20, 7);
        Assert.Contains(questions, q => q.Type == QuestionType.Match);
        var order = Assert.Single(questions, q => q.Type == QuestionType.Order);
        Assert.Equal("Put these steps in the order the text gives them.", order.Prompt);
        Assert.Contains(questions, q => q.Prompt.StartsWith("Fill in the blank: ", StringComparison.Ordinal));
        Assert.Contains(questions, q => q.Prompt.StartsWith("Which term does the text describe as", StringComparison.Ordinal));
        Assert.Contains(questions, q => q.Prompt.StartsWith("True or false: ", StringComparison.Ordinal));
        Assert.All(questions, q => Assert.Equal("biology.photosynthesis", q.SkillId));

        // Distractors of "which term" questions are other defined terms of the text, never invented words.
        var defined = TextFacts.Read(TextFixtures.Photosynthesis).Defined.Select(t => t.Text).ToList();
        foreach (var which in questions.Where(q => q.Prompt.StartsWith("Which term", StringComparison.Ordinal)))
        {
            Assert.All(which.Options, o => Assert.Contains(o.Text, defined));
            Assert.Equal(which.Options.Count - 1, which.Misconceptions.Count);
        }
    }

    [Fact]
    public void The_timeline_is_ordered_by_date_and_years_are_asked_among_the_texts_years()
    {
        var questions = _generator.Generate(new SourceProblem(TextFixtures.FrenchRevolution, "history.revolutions", "history"), 20, 3);
        var order = Assert.Single(questions, q => q.Type == QuestionType.Order);
        var key = JsonSerializer.Deserialize<List<string>>(order.AnswerKey)!;
        var inOrder = key.Select(id => order.Options.Single(o => o.Id == id).Text).ToList();
        var facts = TextFacts.Read(TextFixtures.FrenchRevolution);
        var dates = inOrder.Select(text => facts.Events.Single(e => e.Text == text)).Select(e => new DateOnly(e.Year, System.Math.Max(1, e.Month), System.Math.Max(1, e.Day))).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());

        var year = Assert.Single(questions.Where(q => q.Prompt.StartsWith("In which year", StringComparison.Ordinal)).Take(1));
        Assert.All(year.Options, o => Assert.Matches("^1[0-9]{3}$", o.Text));
        Assert.All(year.Misconceptions.Values, m => Assert.Matches("^1[0-9]{3} is when this happened: ", m));
    }

    [Fact]
    public void Text_with_nothing_to_ask_makes_no_questions_rather_than_bad_ones()
    {
        Assert.Empty(_generator.Generate(new SourceProblem(TextFixtures.NothingToAsk, "general", "prose"), 10, 1));
        Assert.Empty(_generator.Generate(new SourceProblem("", "general", "prose"), 10, 1));
    }

    [Fact]
    public void Fewer_questions_when_asked_for_fewer_and_the_same_seed_makes_the_same_game()
    {
        var source = new SourceProblem(TextFixtures.Grammar, "language-arts.grammar", "language-arts");
        Assert.Equal(3, _generator.Generate(source, 3, 11).Count);
        Assert.Equal(
            _generator.Generate(source, 8, 11).Select(q => q.Prompt + q.AnswerKey),
            _generator.Generate(source, 8, 11).Select(q => q.Prompt + q.AnswerKey));
    }

    [Theory]
    [MemberData(nameof(BadQuestionNames))]
    public void The_quality_rules_refuse_bad_questions(string why) =>
        Assert.True(QuestionQuality.Problem(BadQuestions[why]) is not null, why);

    public static TheoryData<string> BadQuestionNames() => [.. BadQuestions.Keys];

    private static readonly Dictionary<string, GeneratedQuestion> BadQuestions = new()
    {
        { "two options read the same", Choice("Which term means a green pigment?", "a", ("a", "chlorophyll"), ("b", "Chlorophyll "), ("c", "glucose")) },
        { "the key is no option", Choice("Which term means a green pigment?", "z", ("a", "chlorophyll"), ("b", "stomata"), ("c", "glucose")) },
        { "the prompt holds the answer", Choice("Fill in the blank: chlorophyll is a _____ pigment", "a", ("a", "chlorophyll"), ("b", "stomata"), ("c", "glucose")) },
        { "a distractor of another type", Choice("When did crowds storm the Bastille?", "a", ("a", "1789"), ("b", "Paris"), ("c", "1792")) },
        { "a distractor of another length class", Choice("Which name?", "a", ("a", "Paris"), ("b", "the Declaration of the Rights of Man"), ("c", "Versailles")) },
        { "a distractor containing the answer", Choice("Which name?", "a", ("a", "Louis"), ("b", "King Louis"), ("c", "Robespierre")) },
        {
            "a description names its own term",
            Question(QuestionType.Match, """{"a":"1","b":"2","c":"3"}""",
                ("a", "noun", false), ("b", "verb", false), ("c", "adverb", false),
                ("1", "a word that names things", true), ("2", "a doing word, like a verb", true), ("3", "a word that modifies", true))
        },
        {
            "a match key that pairs two items with one target",
            Question(QuestionType.Match, """{"a":"1","b":"1","c":"3"}""",
                ("a", "noun", false), ("b", "verb", false), ("c", "adverb", false),
                ("1", "names things", true), ("2", "a doing word", true), ("3", "modifies a verb", true))
        },
        { "only two items to order", Question(QuestionType.Order, """["a","b"]""", ("a", "The Estates-General met", false), ("b", "France became a republic", false)) },
        {
            "items shown already in order",
            Question(QuestionType.Order, """["a","b","c"]""", ("a", "The Estates-General met", false), ("b", "The Bastille fell", false), ("c", "France became a republic", false))
        },
        {
            "an item that carries its year",
            Question(QuestionType.Order, """["b","a","c"]""", ("a", "The Bastille fell in 1789", false), ("b", "The Estates-General met", false), ("c", "France became a republic", false))
        },
        {
            "an item that carries its sequence word",
            Question(QuestionType.Order, """["b","a","c"]""", ("a", "Then water is split", false), ("b", "Light is captured", false), ("c", "Glucose is built", false))
        },
    };

    [Fact]
    public void A_good_question_passes_the_rules()
    {
        Assert.Null(QuestionQuality.Problem(Choice("Which term does the text describe as “a green pigment”?", "b", ("a", "stomata"), ("b", "chlorophyll"), ("c", "glucose"))));
        Assert.Null(QuestionQuality.Problem(Question(QuestionType.Order, """["b","a","c"]""",
            ("a", "The Bastille fell", false), ("b", "The Estates-General met", false), ("c", "France became a republic", false))));
    }

    /// <summary>The rules checked again here, independently of <see cref="QuestionQuality"/>.</summary>
    private static void AssertKeepsTheRules(GeneratedQuestion question)
    {
        Assert.Null(QuestionQuality.Problem(question));
        var texts = question.Options.Select(o => o.Text.Trim().ToLowerInvariant()).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        switch (question.Type)
        {
            case QuestionType.MultipleChoice:
                var answer = Assert.Single(question.Options, o => o.Id == question.AnswerKey);
                if (question.Options.Count > 2)
                {
                    Assert.DoesNotMatch(@"(?i)(?<!\w)" + Regex.Escape(answer.Text) + @"(?!\w)", question.Prompt);
                    Assert.All(question.Options, o => Assert.Equal(YearShape().IsMatch(answer.Text), YearShape().IsMatch(o.Text)));
                    Assert.All(question.Options, o => Assert.Equal(answer.Text.Split(' ').Length == 1, o.Text.Split(' ').Length == 1));
                }

                Assert.NotEmpty(question.Hints);
                Assert.All(question.Hints, h => Assert.DoesNotMatch(@"(?i)(?<!\w)" + Regex.Escape(answer.Text) + @"(?!\w)", h));
                break;
            case QuestionType.Match:
                var key = JsonSerializer.Deserialize<Dictionary<string, string>>(question.AnswerKey)!;
                var items = question.Options.Where(o => !o.IsTarget).ToList();
                var targets = question.Options.Where(o => o.IsTarget).ToList();
                Assert.InRange(items.Count, 3, 6);
                Assert.Equal(items.Count, targets.Count);
                Assert.Equal(items.Select(i => i.Id).Order(), key.Keys.Order());
                Assert.Equal(targets.Select(t => t.Id).Order(), key.Values.Order());
                Assert.All(items, i => Assert.DoesNotContain(i.Text.ToLowerInvariant(), targets.Single(t => t.Id == key[i.Id]).Text.ToLowerInvariant(), StringComparison.Ordinal));
                break;
            case QuestionType.Order:
                var sequence = JsonSerializer.Deserialize<List<string>>(question.AnswerKey)!;
                Assert.Equal(question.Options.Select(o => o.Id).Order(), sequence.Order());
                Assert.NotEqual(question.Options.Select(o => o.Id), sequence);
                Assert.All(question.Options, o => Assert.DoesNotMatch(@"\b1[0-9]{3}\b|^(?i:first|then|next|finally)\b", o.Text));
                break;
            default:
                Assert.Fail("The text generator makes only choice, match and order questions, not " + question.Type);
                break;
        }
    }

    private static GeneratedQuestion Choice(string prompt, string key, params (string Id, string Text)[] options) =>
        new(QuestionType.MultipleChoice, "general", prompt, null, [.. options.Select(o => new QuestionOption(o.Id, o.Text))], key, "", "",
            new Dictionary<string, string>(), ["a hint"]);

    private static GeneratedQuestion Question(QuestionType type, string key, params (string Id, string Text, bool Target)[] options) =>
        new(type, "general", type == QuestionType.Match ? "Match each term with its description." : "Put these in order.", null,
            [.. options.Select(o => new QuestionOption(o.Id, o.Text, o.Target))], key, "", "", new Dictionary<string, string>(), []);

    [GeneratedRegex("^1[0-9]{3}$")]
    private static partial Regex YearShape();
}
