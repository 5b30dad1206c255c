using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>A student gets help with a problem on /math and sees their day on the dashboard, on a laptop and a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MathHelpJourneyTests(StudyHubServer server)
{
    [Fact]
    public async Task A_student_types_a_problem_climbs_the_hints_checks_answers_and_practises_five_like_it()
    {
        var page = await SignedInStudentAsync("Maya Chen");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Math help" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stuck on a problem?" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Your problem" }).FillAsync("2x+3=11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Help me with this" }).ClickAsync();
        // KaTeX typeset the problem (the raw TeX stays as the label for screen readers).
        await Assertions.Expect(page.Locator(".problem-tex .katex")).ToBeVisibleAsync();
        await AuditAsync(page, "math-help-1-problem");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show a hint" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Hint 1 · The idea")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the next hint" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Hint 2 · The first step")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".hint-ladder > li")).ToHaveCountAsync(2);
        await AuditAsync(page, "math-help-2-hints");

        await page.GetByLabel("Your answer").FillAsync("x = 7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Not quite.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("sign error moving a term across the equals sign")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".hint-ladder > li")).ToHaveCountAsync(2);
        await AuditAsync(page, "math-help-3-wrong-answer");

        await page.GetByLabel("Your answer").FillAsync("x = 4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Correct!")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Practise 5 like this" }).ClickAsync();
        await Assertions.Expect(page.Locator("li.variant")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("li.variant .katex").First).ToBeVisibleAsync();
        await page.GetByLabel("Answer to practice problem 1").FillAsync("x = 1000");
        await page.Locator("#variant-1").GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(page.Locator("#a1-feedback")).ToContainTextAsync("Not quite.");
        await AuditAsync(page, "math-help-4-practise");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the worked solution" }).ClickAsync();
        await Assertions.Expect(page.Locator(".solution-answer .katex")).ToBeVisibleAsync();
        await AuditAsync(page, "math-help-5-solution");
    }

    [Fact]
    public async Task The_symbol_keys_type_at_the_caret_and_a_refusal_offers_did_you_mean()
    {
        var page = await SignedInStudentAsync("Leo Park");
        await page.GotoAsync("/math");

        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Your problem" });
        await box.FillAsync("x=9");
        await box.PressAsync("End");
        await page.GetByRole(AriaRole.Button, new() { Name = "Squared" }).ClickAsync();
        await Assertions.Expect(box).ToHaveValueAsync("x=9^2");
        await box.FillAsync("slove 2x+3=11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Help me with this" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We can't work with this problem yet" })).ToBeVisibleAsync();
        await AuditAsync(page, "math-help-6-refusal");
        await page.GetByRole(AriaRole.Link, new() { Name = "solve 2x+3=11" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problem-tex .katex")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_math_keyboard_writes_the_problem_and_a_photo_of_one_becomes_homework()
    {
        var page = await SignedInStudentAsync("Sam Okoye");
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/math");

        // The keyboard is MathLive, fetched on demand; the plain box underneath is what the form sends.
        await page.GetByRole(AriaRole.Button, new() { Name = "Math keyboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("math-field")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#problem")).ToBeHiddenAsync();
        await page.Locator("math-field").ClickAsync();
        await page.Keyboard.TypeAsync("2x+3=11");
        await Assertions.Expect(page.Locator("#problem")).ToHaveValueAsync("2x+3=11");
        await AuditAsync(page, "math-help-7-keyboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Help me with this" }).ClickAsync();
        await Assertions.Expect(page.Locator(".problem-tex .katex")).ToBeVisibleAsync();
        Assert.Contains("problem=2x%2B3%3D11", page.Url, StringComparison.Ordinal);

        // "Take a photo" (offered before a problem is typed): on a phone the file box opens the camera; here a picture of a problem stands in.
        await page.GotoAsync("/math");
        var paper = await page.Context.NewPageAsync();
        await paper.SetContentAsync("<p style=\"font: 56px sans-serif; padding: 40px; background: #fff; color: #000\">Solve 5x - 4 = 16</p>");
        var photo = await paper.Locator("p").ScreenshotAsync();
        await paper.CloseAsync();
        await page.GetByLabel("Photo of the problem").SetInputFilesAsync(new FilePayload { Name = "problem.png", MimeType = "image/png", Buffer = photo });
        await page.GetByRole(AriaRole.Button, new() { Name = "Read my photo" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/homework/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator(".problem-text").First).ToContainTextAsync("16", new() { Timeout = 60_000 });
        await AuditAsync(page, "math-help-8-photo-read");
    }

    [Fact]
    public async Task A_students_dashboard_shows_every_part_with_a_next_step_and_copies_the_parent_link_code()
    {
        var page = await SignedInStudentAsync("Ana Ruiz");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What's due" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No recommendation yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No homework yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Get a parent link code" }).ClickAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy code" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Copied.")).ToBeVisibleAsync();
        var code = (await page.Locator("#parent-link-code").InnerTextAsync()).Replace("Parent link code:", "", StringComparison.Ordinal).Trim();
        Assert.Equal(code, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await AuditAsync(page, "dashboard-student");
    }

    private async Task<IPage> SignedInStudentAsync(string name)
    {
        var email = $"student-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("student", email, name, DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-15)));
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StudyHubServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, " + name })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>axe and the CSP at laptop and phone widths, with a full-page screenshot of each kept under artifacts/screenshots.</summary>
    private static async Task AuditAsync(IPage page, string name)
    {
        var directory = Path.Combine(StudyHubServer.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
            await PageAudits.AssertNoSeriousAccessibilityViolationsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}-{width}.png"), FullPage = true });
        }

        await PageAudits.AssertNoHorizontalOverflowAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
    }
}
