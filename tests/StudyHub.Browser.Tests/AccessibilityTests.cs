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
        }
    }
}
