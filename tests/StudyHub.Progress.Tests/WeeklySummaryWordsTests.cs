using StudyHub.Kernel.Users;
using StudyHub.Progress.Domain;
using StudyHub.Progress.Features;

namespace StudyHub.Progress.Tests;

/// <summary>The weekly parent mail in every language a person can pick.</summary>
public class WeeklySummaryWordsTests
{
    private static readonly DateOnly Sunday = new(2026, 11, 29);

    public static TheoryData<string> Languages() => new(LanguageChoices.Codes);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_offered_language_has_its_own_words_and_fills_in_the_week(string language)
    {
        var words = WeeklySummaryWords.For(language);
        Assert.Equal(language, words.Language);
        if (language != "en")
        {
            // A translation, not English with another label: no sentence is the English one.
            var english = WeeklySummaryWords.English;
            Assert.NotEqual(english.Intro, words.Intro);
            Assert.NotEqual(english.Activity, words.Activity);
            Assert.NotEqual(english.Footer, words.Footer);
            Assert.NotEqual(english.SubjectOne, words.SubjectOne);
        }

        var mia = Guid.NewGuid();
        var mail = SendWeeklyParentSummaries.Compose(Sunday, [Week(mia, "Mia", 3, 1234)], language);
        Assert.Equal(language, mail.Language);
        Assert.Contains("Mia", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("2026", mail.Paragraphs[0], StringComparison.Ordinal); // the Gregorian year, Arabic included
        Assert.Contains("29", mail.Paragraphs[0], StringComparison.Ordinal);
        var line = mail.Paragraphs[1];
        Assert.Contains("Mia", line, StringComparison.Ordinal);
        Assert.Contains(1234.ToString("N0", words.Culture), line, StringComparison.Ordinal);
        Assert.Contains("Fractions", line, StringComparison.Ordinal);
        Assert.Contains("40", line, StringComparison.Ordinal);
        Assert.Equal($"/students/{mia}/progress", mail.ActionPath);
        Assert.Contains("Mia", mail.ActionLabel, StringComparison.Ordinal);
        Assert.DoesNotContain("{", string.Join(" ", [mail.Subject, .. mail.Paragraphs, mail.ActionLabel, mail.Footer]), StringComparison.Ordinal);

        var family = SendWeeklyParentSummaries.Compose(Sunday, [Week(mia, "Mia", 0, 0), Week(Guid.NewGuid(), "Leo", 1, 10)], language);
        Assert.Equal(words.SubjectMany, family.Subject);
        Assert.Equal("/family", family.ActionPath);
        Assert.Equal(3, family.Paragraphs.Count);
        Assert.Contains(string.Format(words.Culture, words.Idle, "Mia"), family.Paragraphs[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_english_mail_reads_as_before_and_a_language_without_words_gets_english()
    {
        var mail = SendWeeklyParentSummaries.Compose(Sunday, [Week(Guid.NewGuid(), "Mia", 1, 1234)], "eo");
        Assert.Equal("en", mail.Language);
        Assert.Equal("Mia's week on StudyHub", mail.Subject);
        Assert.Equal("Here is the week of practice that ended on Sunday 29 November 2026.", mail.Paragraphs[0]);
        Assert.Equal("Mia — practice sessions: 1, points: 1,234. Mastered this week: Percentages. Weak spots: Fractions (40% right).", mail.Paragraphs[1]);

        var german = SendWeeklyParentSummaries.Compose(Sunday, [Week(Guid.NewGuid(), "Mia", 1, 1234)], "de");
        Assert.Equal("Hier ist die Übungswoche, die am Sonntag, 29. November 2026, endete.", german.Paragraphs[0]);
        Assert.Equal("Mia – Übungseinheiten: 1, Punkte: 1.234. Diese Woche gemeistert: Percentages. Schwachstellen: Fractions (40 % richtig).", german.Paragraphs[1]);
    }

    private static SendWeeklyParentSummaries.ChildWeek Week(Guid id, string name, int sessions, int points) =>
        new(id, name, sessions, points, sessions == 0 ? [] : ["Percentages"], sessions == 0 ? [] : [("Fractions", 0.4)]);
}
