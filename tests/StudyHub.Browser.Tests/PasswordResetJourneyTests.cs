using Microsoft.Playwright;
using StudyHub.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace StudyHub.Browser.Tests;

/// <summary>Forgot password in the browser, with the link read from the mail the real SMTP server received.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetJourneyTests(StudyHubServer server)
{
    private static readonly string Screenshots = Path.Combine(StudyHubServer.RepositoryRoot(), "artifacts", "screenshots", "email");

    [Fact]
    public async Task A_student_who_forgot_their_password_resets_it_through_the_mailed_link_and_signs_in()
    {
        var email = $"ana-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("student", email, "Ana Souza", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-15)));
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);

        await page.GotoAsync("/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await AuditAsync(page, "1-forgot-password");

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses this address");
        await AuditAsync(page, "2-link-sent");

        var mail = await server.Mail.WaitForAsync(email, "Reset your StudyHub password");
        var link = SmtpCatcher.LinkIn(mail, "/reset-password");
        Assert.Equal(server.BaseAddress.Authority, link.Authority);
        await page.GotoAsync(link.PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await AuditAsync(page, "3-reset-form");

        await page.GetByLabel("New password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my new password" }).ClickAsync();
        var error = page.Locator("#password-error");
        await Expect(error).ToContainTextAsync("at least 8 characters");
        await Expect(page.GetByLabel("New password")).ToHaveAttributeAsync("aria-describedby", "password-error password-hint");
        await Expect(page.GetByLabel("New password")).ToHaveValueAsync(string.Empty);
        await AuditAsync(page, "4-weak-password");

        await page.GetByLabel("New password").FillAsync("Lantern-Harbour-Seven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed");
        await AuditAsync(page, "5-changed");

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Lantern-Harbour-Seven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ana Souza" })).ToBeVisibleAsync();

        // The link worked once.
        await page.GotoAsync(link.PathAndQuery);
        await page.GetByLabel("New password").FillAsync("Another-Lantern-Eight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already been used");
        await AuditAsync(page, "6-link-used");
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
    }

    [Fact]
    public async Task A_new_parent_confirms_their_address_from_the_mailed_link()
    {
        var email = $"sam-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("parent", email, "Sam Park");
        var mail = await server.Mail.WaitForAsync(email, "Confirm your StudyHub email address");
        var page = await server.NewPageAsync();

        await page.GotoAsync(SmtpCatcher.LinkIn(mail, "/verify-email").PathAndQuery);
        await AuditAsync(page, "7-verify");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your email address is confirmed");
        await AuditAsync(page, "8-verified");
    }

    [Fact]
    public async Task Registering_in_the_browser_with_an_address_that_has_an_account_does_not_say_so_and_mails_the_owner()
    {
        var email = $"rivera-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("teacher", email, "Ms. Rivera");
        var page = await server.NewPageAsync();

        await page.GotoAsync("/register");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Teacher" }).CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Someone Else");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Not-Her-Password-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"We have sent a message to {email}");
        await Expect(page.GetByText("not correct")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync(string.Empty);
        await AuditAsync(page, "9-register-taken");
        var notice = await server.Mail.WaitForAsync(email, "Someone tried to register");
        Assert.Contains("Hi Ms. Rivera", notice.TextBody, StringComparison.Ordinal);
    }

    /// <summary>axe at a laptop's and a phone's width, with a screenshot of each kept under artifacts.</summary>
    private static async Task AuditAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        foreach (var (width, height) in new[] { (1280, 900), (375, 812) })
        {
            await page.SetViewportSizeAsync(width, height);
            await PageAudits.AssertNoSeriousAccessibilityViolationsAsync(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-{width}.png"), FullPage = true });
        }

        await PageAudits.AssertNoHorizontalOverflowAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
    }
}
