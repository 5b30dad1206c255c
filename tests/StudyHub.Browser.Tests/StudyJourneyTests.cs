using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using StudyHub.Math;

namespace StudyHub.Browser.Tests;

/// <summary>
/// A student's study loop in a real browser: paste homework, watch it being read, see the
/// problems typeset, make a game of it and play it through (a hint, a wrong answer, then the
/// right one), reload without scoring again, and read the results. Every page passes axe at
/// 1280 and 375 px wide; screenshots land in artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudyJourneyTests(StudyHubServer server)
{
    private static readonly MathEngine Engine = new();

    [Fact]
    public async Task A_student_uploads_homework_sees_it_typeset_and_plays_a_game_made_from_it()
    {
        var email = $"ana-{Guid.NewGuid():N}@example.org";
        var (_, token) = await server.RegisterThroughApiAsync("student", email, "Ana Lima", new DateOnly(2010, 3, 14));
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await StudyHubServer.SignInAsync(page, email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ana Lima" }));

        // My homework: empty, saying what to do.
        await page.GetByRole(AriaRole.Link, new() { Name = "Homework", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No homework yet" }));
        await AuditAsync(page, "01-homework-empty");

        // Upload pasted text; the form posts and redirects to the homework's page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload your first homework" }).ClickAsync();
        await AuditAsync(page, "02-upload");
        await page.GetByLabel("Title (optional)").FillAsync("Linear equations");
        await page.GetByLabel("Paste the questions").FillAsync("1. 2x+3=11\n2. Who wrote Romeo and Juliet?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and read" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Linear equations" }));

        // The page follows the reading live and shows the problems when ready, typeset by KaTeX.
        await Assertions.Expect(page.GetByText("Show answer").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".problem-text .math-tex .katex").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Linear equations", new() { Exact = true }).Last);
        await Expect(page.GetByText("No answer key:"));
        await Assertions.Expect(page.Locator(".answer-key .math-tex").First).Not.ToBeVisibleAsync();
        await page.GetByText("Show answer").First.ClickAsync();
        await Assertions.Expect(page.Locator(".answer-key .katex").First).ToBeVisibleAsync();
        await AuditAsync(page, "03-homework-ready");

        // Make a game of it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Make a game" }).ClickAsync();
        await page.GetByLabel("Questions").FillAsync("2");
        await AuditAsync(page, "04-new-game");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the game" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1 of 2" }));
        var sessionId = Guid.Parse(new Uri(page.Url).Segments[^1]);
        await Assertions.Expect(page.Locator(".timer-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^0:[0-5]\d$"));
        await AuditAsync(page, "05-question");

        // A hint first (it says what it costs), then a wrong answer, then the right one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show a hint (−25% of this question's points)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Hints" }));
        var question = await CurrentQuestionAsync(sessionId, token);
        await AnswerAsync(page, question, right: false);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not quite" }));
        await Expect(page.GetByText("2 attempts left"));
        await Assertions.Expect(page.GetByText("The answer was")).ToHaveCountAsync(0);
        await AuditAsync(page, "06-wrong-answer");
        await AnswerAsync(page, question, right: true);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Right!" }));
        await Expect(page.GetByText("× 0.75 (−25%)"));
        await Expect(page.GetByText("× 1/2 (attempt 2)"));
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"^\(\(100 \+ [\d.]+\) × 1/2 \+ 10\) × 0\.75 = \d+$")));
        var score = await page.Locator(".scoreline strong").First.InnerTextAsync();
        await AuditAsync(page, "07-right-answer");

        // Reloading the outcome neither scores again nor moves on.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Right!" }));
        Assert.Equal(score, await page.Locator(".scoreline strong").First.InnerTextAsync());
        var standing = await SessionAsync(sessionId, token);
        Assert.Equal(int.Parse(score, System.Globalization.CultureInfo.InvariantCulture), standing.Score);
        Assert.Equal(2, standing.Questions[0].Attempts);

        await page.GetByRole(AriaRole.Link, new() { Name = "Next question" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 2 of 2" }));
        await AnswerAsync(page, await CurrentQuestionAsync(sessionId, token), right: true);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Right!" }));
        await page.GetByRole(AriaRole.Link, new() { Name = "See your results" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Game complete" }));
        await Expect(page.GetByText("100%"));
        await Expect(page.GetByText("First game", new() { Exact = true }));
        await AuditAsync(page, "08-results");
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);

        await page.GotoAsync("/homework");
        await Expect(page.GetByText("Ready"));
        await AuditAsync(page, "09-homework-list");
    }

    /// <summary>Answers the question on screen: the right option is the one the math engine accepts for the problem.</summary>
    private static async Task AnswerAsync(IPage page, Question question, bool right)
    {
        if (question.Options.Count == 0)
        {
            var answer = right ? Engine.Solve(question.Math!).Answer : "x = 12345";
            await page.GetByLabel("Your answer").FillAsync(answer);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            return;
        }

        var option = question.Options.First(o => Engine.Check(question.Math!, o.Text).CountsAsCorrect == right);
        await page.Locator($"button.option[value='{option.Id}']").ClickAsync();
    }

    private async Task<Question> CurrentQuestionAsync(Guid sessionId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/game-sessions/{sessionId}/next");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var next = await (await server.Api.SendAsync(request)).Content.ReadFromJsonAsync<Next>();
        return next!.Question!;
    }

    private async Task<Session> SessionAsync(Guid sessionId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/game-sessions/{sessionId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await (await server.Api.SendAsync(request)).Content.ReadFromJsonAsync<Session>())!;
    }

    /// <summary>axe at a laptop's and a phone's width, with a screenshot of each to look at.</summary>
    private static async Task AuditAsync(IPage page, string name)
    {
        var directory = Path.Combine(StudyHubServer.RepositoryRoot(), "artifacts", "screenshots", "study-journey");
        Directory.CreateDirectory(directory);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}-{width}.png"), FullPage = true });
            await PageAudits.AssertNoSeriousAccessibilityViolationsAsync(page);
        }

        await PageAudits.AssertNoHorizontalOverflowAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    private sealed record Next(Question? Question);

    private sealed record Question(Guid Id, string Type, string? Math, List<Option> Options);

    private sealed record Option(string Id, string Text);

    private sealed record Session(int Score, List<Outcome> Questions);

    private sealed record Outcome(int Attempts);
}
