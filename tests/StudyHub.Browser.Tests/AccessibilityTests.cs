using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>Every page a visitor can open passes axe-core and runs within the Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(StudyHubServer server)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/register")]
    [InlineData("/not-found")]
    public async Task Public_pages_are_accessible_and_keep_the_content_security_policy(string path)
    {
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);

        await page.GotoAsync(path);

        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
        await PageAudits.AssertNoSeriousAccessibilityViolationsAsync(page);
        await PageAudits.AssertNoHorizontalOverflowAsync(page);
    }

    [Fact]
    public async Task The_api_reference_renders_every_operation_accessibly_from_local_assets_only()
    {
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        var foreignRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreignRequests.Add(request.Url);
            }
        };

        await page.GotoAsync("/api/docs");
        // The reference fetches and renders the OpenAPI document after load; a busy CI machine is slow.
        var rendered = new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 };
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "StudyHub API", Level = 1 })).ToBeVisibleAsync(rendered);
        await Assertions.Expect(page.GetByText("/api/v1/auth/login").First).ToBeVisibleAsync(rendered);

        Assert.Empty(foreignRequests);
        // Scalar's bundle tries eval once and falls back when it is refused (the page rendered
        // above): eval stays blocked, so that refusal is the policy working.
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page, "script-src blocked eval at " + server.BaseAddress + "api/docs/scalar.js");
        await PageAudits.AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task Signed_in_pages_are_accessible_and_keep_the_content_security_policy()
    {
        var email = $"a11y-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("parent", email, "Pat Doe");
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await StudyHubServer.SignInAsync(page, email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Pat Doe" })).ToBeVisibleAsync();

        foreach (var path in new[] { "/dashboard", "/account", "/family" })
        {
            await page.GotoAsync(path);
            await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
            await PageAudits.AssertNoSeriousAccessibilityViolationsAsync(page);
            await PageAudits.AssertNoHorizontalOverflowAsync(page);
        }
    }

    [Fact]
    public async Task On_a_phone_the_main_navigation_is_one_row_with_a_menu_that_works_by_keyboard()
    {
        var email = $"nav-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("student", email, "Nia Brooks", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-14)));
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await StudyHubServer.SignInAsync(page, email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Nia Brooks" })).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(375, 812);

        // Brand and menu button on one row (the row of eight links wrapped to three before).
        var header = await page.Locator("header.topbar").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"the phone header is {header.Height} px tall");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Progress" })).ToBeHiddenAsync();
        await PageAudits.AuditAtBothWidthsAsync(page, "shell", "phone-menu-closed");
        await page.SetViewportSizeAsync(375, 812);

        await nav.GetByText("Menu").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var progress = nav.GetByRole(AriaRole.Link, new() { Name = "Progress" });
        await Assertions.Expect(progress).ToBeVisibleAsync();
        var target = await progress.BoundingBoxAsync();
        Assert.True(target!.Height >= 44, $"a menu link is {target.Height} px tall");
        Directory.CreateDirectory(Path.Combine(StudyHubServer.RepositoryRoot(), "artifacts", "screenshots", "shell"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(StudyHubServer.RepositoryRoot(), "artifacts", "screenshots", "shell", "phone-menu-open-375.png") });
        await PageAudits.AssertNoSeriousAccessibilityViolationsAsync(page);
        await progress.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/progress$"));
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
    }
}
