using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>
/// The teacher's, parent's, account and admin journeys in a real browser. Every step is checked
/// with axe at laptop (1280 px) and phone (375 px) widths and kept as a screenshot under
/// artifacts/screenshots/staff.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffJourneyTests(StudyHubServer server)
{
    [Fact]
    public async Task A_teacher_removes_a_student_and_restores_them_with_undo()
    {
        var teacherEmail = $"t-{Guid.NewGuid():N}@example.org";
        var (_, teacherToken) = await server.RegisterThroughApiAsync("teacher", teacherEmail, "Ms. Okafor");
        var classroom = await server.SendAsync<Classroom>(HttpMethod.Post, "/api/v1/classrooms", teacherToken, new { name = "Chemistry 9", subject = "Science", grade = "9" });
        var (_, studentToken) = await server.RegisterThroughApiAsync("student", $"s-{Guid.NewGuid():N}@example.org", "Maya Chen", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-15)));
        await server.SendAsync<Classroom>(HttpMethod.Post, "/api/v1/classrooms/join", studentToken, new { code = classroom.JoinCode });

        var page = await SignedInPageAsync(teacherEmail);
        await page.GotoAsync($"/classrooms/{classroom.Id}");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code that opens the join link for Chemistry 9" }));
        await Assertions.Expect(page.GetByLabel("Join link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"/join/{classroom.JoinCode}$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Maya Chen", Exact = true }));
        await StepAsync(page, "teacher-1-class");

        await page.GetByRole(AriaRole.Link, new() { Name = "Remove Maya Chen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Remove Maya Chen?" }));
        await StepAsync(page, "teacher-2-confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Maya Chen" }).ClickAsync();
        await Expect(page.GetByText("Maya Chen was removed from the class."));
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Maya Chen", Exact = true })).ToHaveCountAsync(0);
        await StepAsync(page, "teacher-3-removed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.GetByText("Maya Chen is back in the class."));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Maya Chen", Exact = true }));
        await StepAsync(page, "teacher-4-restored");

        // A refresh after the undo repeats nothing and shows no error.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Maya Chen", Exact = true }));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).GetByText("more than a minute")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_parent_withdraws_consent_and_refreshes_the_page()
    {
        var (childId, childToken) = await server.RegisterThroughApiAsync("student", $"leo-{Guid.NewGuid():N}@example.org", "Leo Park", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-11)));
        var parentEmail = $"p-{Guid.NewGuid():N}@example.org";
        var (_, parentToken) = await server.RegisterThroughApiAsync("parent", parentEmail, "Sam Park");
        var code = await server.SendAsync<LinkCode>(HttpMethod.Post, "/api/v1/me/parent-link-codes", childToken, null);
        await server.SendAsync<object>(HttpMethod.Post, "/api/v1/parents/links", parentToken, new { code = code.Code });
        var verification = await server.Mail.WaitForAsync(parentEmail, "Confirm your StudyHub email address");
        var token = System.Web.HttpUtility.ParseQueryString(StudyHub.Server.Tests.Infrastructure.SmtpCatcher.LinkIn(verification, "/verify-email").Query)["token"];
        await server.SendAsync<object>(HttpMethod.Post, "/api/v1/auth/verify-email", null, new { token });
        await server.SendAsync<object>(HttpMethod.Post, $"/api/v1/parents/children/{childId}/consent", parentToken, new { declaresAdult = true });

        var page = await SignedInPageAsync(parentEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Family" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Leo Park" }));
        await StepAsync(page, "parent-1-family");

        await page.GetByRole(AriaRole.Link, new() { Name = "Manage Leo Park" }).ClickAsync();
        await Expect(page.GetByText("Consent given"));
        await StepAsync(page, "parent-2-child");

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent" }).ClickAsync();
        await Expect(page.GetByText("Consent withdrawn."));
        await Expect(page.GetByText("Waiting for your consent"));
        await StepAsync(page, "parent-3-withdrawn");

        var response = await page.ReloadAsync();
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByText("Waiting for your consent"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Locator(".alert-error")).ToHaveCountAsync(0);
        await StepAsync(page, "parent-4-refreshed");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download Leo Park's data" }).ClickAsync());
        Assert.StartsWith("studyhub-child-data-", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_edits_their_account_switches_to_dark_and_signs_out_other_devices()
    {
        var email = $"acct-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("teacher", email, "Robin Lee");
        var page = await SignedInPageAsync(email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Exact = true }));
        await Expect(page.GetByText("Sign out everywhere else"));
        await StepAsync(page, "account-1");

        await page.GetByLabel("Display name").FillAsync("Robin Lee-Park");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(page.GetByText("Your name is saved."));
        await Assertions.Expect(page.GetByLabel("Display name")).ToHaveValueAsync("Robin Lee-Park");

        await page.GetByLabel("Dark").CheckAsync();
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Expect(page.GetByText("Your preferences are saved."));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await StepAsync(page, "account-2-dark");

        await page.GetByLabel("Current password").FillAsync("not-my-password");
        await page.GetByLabel("New password").FillAsync("Brand-New-Secret-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator("#current-password-error"));
        await Assertions.Expect(page.GetByLabel("Current password")).ToHaveValueAsync(string.Empty);
        await StepAsync(page, "account-3-password-error");

        var otherDevice = await SignedInPageAsync(email);
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere else" }).ClickAsync();
        await Expect(page.GetByText("You're signed out everywhere else."));
        await otherDevice.GotoAsync("/account");
        Assert.Contains("/signin", otherDevice.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_finds_a_user_disables_them_and_reads_the_audit_log()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.org";
        await server.CreateAdministratorAsync(adminEmail, "Alex Admin");
        var targetEmail = $"find-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("teacher", targetEmail, "Jordan Findme");

        var page = await SignedInPageAsync(adminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByLabel("Name or email").FillAsync("Findme");
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("teacher");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jordan Findme" }));
        await StepAsync(page, "admin-1-users");

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable Jordan Findme" }).ClickAsync();
        await Expect(page.GetByText("Jordan Findme is disabled and signed out everywhere."));
        await page.GetByRole(AriaRole.Link, new() { Name = "Jordan Findme" }).ClickAsync();
        await Expect(page.GetByText("Jordan Findme is not signed in anywhere."));
        await StepAsync(page, "admin-2-user");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.GetByLabel("Event", new() { Exact = true }).SelectOptionAsync("admin.account_disabled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = targetEmail }));
        await StepAsync(page, "admin-3-audit");

        await page.GetByRole(AriaRole.Link, new() { Name = "Failed jobs" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Failed background jobs" }));
    }

    [Fact]
    public async Task Browsers_get_error_pages_in_the_apps_look()
    {
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        var missing = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We couldn't find that page" }));
        await StepAsync(page, "error-404");

        var email = $"student-{Guid.NewGuid():N}@example.org";
        await server.RegisterThroughApiAsync("student", email, "Kim", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-14)));
        var student = await SignedInPageAsync(email);
        var forbidden = await student.GotoAsync("/admin/users");
        Assert.Equal(403, forbidden!.Status);
        await Expect(student.GetByRole(AriaRole.Heading, new() { Name = "This page isn't for your account" }));
        await StepAsync(student, "error-403");
    }

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StudyHubServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard$"));
        return page;
    }

    /// <summary>axe and the CSP at laptop and phone widths, a screenshot of each.</summary>
    private static async Task StepAsync(IPage page, string name)
    {
        await PageAudits.AuditAtBothWidthsAsync(page, "staff", name);
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    private sealed record Classroom(Guid Id, string JoinCode);

    private sealed record LinkCode(string Code);
}
