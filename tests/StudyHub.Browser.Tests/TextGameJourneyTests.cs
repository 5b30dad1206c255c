using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>
/// A text game in a real browser: biology notes pasted through <c>POST /api/v1/homework</c>, made
/// into a game on the page, then played: the match question with the keyboard (selects) and one
/// pair dragged with the mouse, the order question by drag and drop, the choice questions by
/// clicking, each outcome showing which pairs/positions were right, and the results. axe at 1280
/// and 375 px on every screen; screenshots in artifacts/screenshots/text-game-journey.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TextGameJourneyTests(StudyHubServer server)
{
    private const string Notes = """
        Photosynthesis is the process by which green plants use sunlight to make glucose from carbon dioxide and water.
        It takes place mainly in the leaves, inside small structures called chloroplasts. Chlorophyll is a green pigment
        that absorbs light energy. Stomata are tiny pores on the underside of a leaf that let carbon dioxide in and oxygen out.
        Glucose is a simple sugar that the plant uses for energy and to build cellulose. The process has two stages.
        First, the light-dependent reactions capture energy from sunlight in the thylakoid membranes. Then, the energy is
        used to split water molecules, releasing oxygen. Finally, the Calvin cycle uses carbon dioxide to build glucose in the stroma.
        """;

    /// <summary>What the notes say each term is: how a student who read them pairs the match question.</summary>
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["photosynthesis"] = "the process by which green plants",
        ["chlorophyll"] = "a green pigment",
        ["stomata"] = "tiny pores",
        ["glucose"] = "a simple sugar",
    };

    /// <summary>The steps in the notes' order.</summary>
    private static readonly string[] Steps = ["The light-dependent reactions", "The energy is used", "The Calvin cycle"];

    [Fact]
    public async Task A_student_plays_a_text_game_made_from_pasted_notes_with_keyboard_mouse_and_drag_and_drop()
    {
        var email = $"lea-{Guid.NewGuid():N}@example.org";
        var (_, token) = await server.RegisterThroughApiAsync("student", email, "Léa Martin", new DateOnly(2009, 6, 1));
        var homeworkId = await UploadNotesAsync(token);

        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await StudyHubServer.SignInAsync(page, email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Léa Martin" })).ToBeVisibleAsync();
        await page.GotoAsync($"/play/new?homework={homeworkId}");
        await page.GetByLabel("Questions").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the game" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1 of 5" })).ToBeVisibleAsync();

        var sawMatch = false;
        var sawOrder = false;
        for (var question = 1; question <= 5; question++)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Question {question} of 5" })).ToBeVisibleAsync();
            if (await page.Locator(".match-items").CountAsync() > 0)
            {
                sawMatch = true;
                await Audit(page, "01-match");
                await PlayMatchAsync(page);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Right!" })).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pair by pair" })).ToBeVisibleAsync();
                Assert.Equal(0, await page.Locator(".outcome-wrong").CountAsync());
                await Audit(page, "02-match-outcome");
            }
            else if (await page.Locator(".order-items").CountAsync() > 0)
            {
                sawOrder = true;
                await Audit(page, "03-order");
                await PlayOrderAsync(page);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Right!" })).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Position by position" })).ToBeVisibleAsync();
                Assert.Equal(3, await page.Locator(".outcome-right").CountAsync());
                await Audit(page, "04-order-outcome");
            }
            else
            {
                // A choice question: any option; a wrong one shows feedback and, for true/false, ends the question.
                if (question == 3)
                {
                    await Audit(page, "05-choice");
                }

                await page.Locator("button.option").First.ClickAsync();
                await Assertions.Expect(page.Locator("#feedback-heading")).ToBeVisibleAsync();
                while (await page.GetByRole(AriaRole.Link, new() { NameRegex = NextOrResults() }).CountAsync() == 0)
                {
                    await page.Locator("button.option").First.ClickAsync();
                    await Assertions.Expect(page.Locator("#feedback-heading")).ToBeVisibleAsync();
                }
            }

            await page.GetByRole(AriaRole.Link, new() { NameRegex = NextOrResults() }).ClickAsync();
        }

        Assert.True(sawMatch && sawOrder, "the game should hold a match and an order question");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Game complete" })).ToBeVisibleAsync();
        await Audit(page, "06-results");
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
    }

    /// <summary>The first pair dragged with the mouse (description onto term), the rest chosen with the keyboard.</summary>
    private static async Task PlayMatchAsync(IPage page)
    {
        var items = page.Locator(".match-item");
        var targets = page.Locator(".match-target");
        var targetTexts = await targets.AllInnerTextsAsync();
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            var item = items.Nth(i);
            var term = (await item.Locator("label").InnerTextAsync()).Trim();
            var description = Descriptions[term];
            var targetIndex = targetTexts.ToList().FindIndex(t => t.Contains(description, StringComparison.Ordinal));
            Assert.True(targetIndex >= 0, $"no description for {term}");
            var select = item.Locator("select");
            if (i == 0)
            {
                await targets.Nth(targetIndex).DragToAsync(item);
                Assert.Equal(await targets.Nth(targetIndex).GetAttributeAsync("data-target"), await select.InputValueAsync());
                continue;
            }

            // Keyboard: focus the select and step down to the description (option 0 is "pairs with…").
            await select.FocusAsync();
            for (var step = 0; step <= targetIndex; step++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            Assert.Equal(await targets.Nth(targetIndex).GetAttributeAsync("data-target"), await select.InputValueAsync());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
    }

    /// <summary>Drags each step, first to last, onto the top of the item now in its place.</summary>
    private static async Task PlayOrderAsync(IPage page)
    {
        var items = page.Locator(".order-item");
        for (var position = 0; position < Steps.Length; position++)
        {
            var wanted = items.Filter(new() { HasText = Steps[position] });
            var now = items.Nth(position);
            if ((await now.InnerTextAsync()).Contains(Steps[position], StringComparison.Ordinal))
            {
                continue;
            }

            var from = (await wanted.Locator(".order-text").BoundingBoxAsync())!;
            var to = (await now.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(from.X + 10, from.Y + (from.Height / 2));
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(to.X + 20, to.Y + 4, new() { Steps = 8 });
            await page.Mouse.UpAsync();
        }

        for (var position = 0; position < Steps.Length; position++)
        {
            await Assertions.Expect(items.Nth(position)).ToContainTextAsync(Steps[position]);
            Assert.Equal((position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await items.Nth(position).Locator("select").InputValueAsync());
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
    }

    private async Task<Guid> UploadNotesAsync(string token)
    {
        using var form = new MultipartFormDataContent { { new StringContent(Notes), "text" }, { new StringContent("Biology notes"), "title" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/homework") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<Accepted>())!.Id;
        for (var i = 0; i < 120; i++)
        {
            var homework = await server.SendAsync<HomeworkStatus>(HttpMethod.Get, $"/api/v1/homework/{id}", token, null);
            if (homework.Status == "ready")
            {
                return id;
            }

            Assert.NotEqual("failed", homework.Status);
            await Task.Delay(250);
        }

        throw new TimeoutException("The pasted notes were not read within 30 s.");
    }

    private static Task Audit(IPage page, string name) => PageAudits.AuditAtBothWidthsAsync(page, "text-game-journey", name);

    [GeneratedRegex("^(Next question|See your results)$")]
    private static partial Regex NextOrResults();

    private sealed record Accepted(Guid Id, string Status);

    private sealed record HomeworkStatus(Guid Id, string Status);
}
