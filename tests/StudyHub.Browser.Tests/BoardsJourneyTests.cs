using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>
/// A student's flashcards and leaderboards in a real browser, with the keyboard where it matters:
/// make a deck from a skill, review every card (reveal, then rate with the interval on each button)
/// until the day is done, find their practice points on today's board, and report a question while
/// playing. Every page passes axe at 1280 and 375 px; screenshots land in artifacts/screenshots/boards-journey.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardsJourneyTests(StudyHubServer server)
{
    [Fact]
    public async Task A_student_reviews_a_skill_deck_to_the_end_finds_themself_on_the_board_and_reports_a_question()
    {
        var email = $"noor-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("student", email, "Noor Haddad", new DateOnly(2010, 9, 2));
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await StudyHubServer.SignInAsync(page, email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Noor Haddad" }));

        // Flashcards: empty, saying what to do; make a deck from a skill.
        await page.GetByRole(AriaRole.Link, new() { Name = "Flashcards", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No cards yet: make a deck below"));
        await Audit(page, "01-flashcards-empty");
        await page.GetByLabel("Linear equations").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the deck" }).ClickAsync();
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^Your deck .+ is ready with \\d+ cards\\.$")));
        await Audit(page, "02-deck-made");

        // Review: the front typeset, the answer behind "Show answer" (opened with the keyboard), then the four ratings.
        await page.GetByRole(AriaRole.Link, new() { Name = "Review now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flashcard-front .katex").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Good" })).Not.ToBeVisibleAsync();
        await Audit(page, "03-card-front");
        await page.Locator("summary", new() { HasText = "Show answer" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".flashcard-answer .katex")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Again" }));
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Good \\d+ days?$") }));
        await Audit(page, "04-card-back");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Good ") }).ClickAsync();
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^Good: you'll see that card again in \\d+ days?\\.$")));

        for (var i = 0; i < 20 && await page.GetByRole(AriaRole.Heading, new() { Name = "All done for today" }).CountAsync() == 0; i++)
        {
            await page.GetByText("Show answer").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Easy ") }).ClickAsync();
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All done for today" }));
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("The next card is due")));
        await Audit(page, "05-all-done");

        // Reviews earn practice points, which count on today's board: my own row is highlighted.
        await page.GetByRole(AriaRole.Link, new() { Name = "Leaderboards", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leaderboards", Exact = true }));
        await page.GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).ClickAsync();
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("^Your rank: #\\d+ with \\d+ points")));
        await Expect(page.Locator("tr.board-you"));
        await Audit(page, "06-leaderboard-today");
        await page.GetByRole(AriaRole.Link, new() { Name = "All time", Exact = true }).ClickAsync();
        await Expect(page.GetByText("You have no points on this board yet."));
        await Audit(page, "07-leaderboard-all-time");

        // Playing: report a question from the play page and come back to it.
        await page.GotoAsync("/play/new");
        await page.GetByLabel("Linear equations").CheckAsync();
        await page.GetByLabel("Questions").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the game" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1 of 1" }));
        await page.GetByText("Report this question").ClickAsync();
        await page.GetByLabel("It is unclear").CheckAsync();
        await Audit(page, "08-report-open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Expect(page.GetByText("Thanks: your report is with your teacher."));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1 of 1" }));
        await Audit(page, "09-reported");
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
    }

    private static Task Audit(IPage page, string name) => PageAudits.AuditAtBothWidthsAsync(page, "boards-journey", name);

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();
}
