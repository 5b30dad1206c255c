using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class ClassroomJourneyTests(StudyHubServer server)
{
    [Fact]
    public async Task A_teacher_registers_signs_in_and_creates_a_classroom_with_a_join_code()
    {
        var page = await server.NewPageAsync();
        var email = $"teacher-{Guid.NewGuid():N}@example.org";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a free account" }).ClickAsync();
        await page.GetByLabel("Teacher").CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Ms. Rivera");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StudyHubServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ms. Rivera" }));

        // Sign out and back in, as a returning teacher would.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StudyHubServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Ms. Rivera" }));

        await page.GetByLabel("Class name").FillAsync("Algebra 1 — Period 3");
        await page.GetByLabel("Subject").FillAsync("Mathematics");
        await page.GetByLabel("Grade").FillAsync("Grade 8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create class" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Algebra 1 — Period 3" }));
        var code = await page.Locator(".join-code").InnerTextAsync();
        Assert.Matches(JoinCode(), code.Trim());
        await Expect(page.GetByText("No students yet. Share the join code."));
    }

    [Fact]
    public async Task A_student_joins_a_class_with_the_code_and_the_teacher_sees_them_on_the_roster()
    {
        var (_, teacherToken) = await server.RegisterThroughApiAsync("teacher", $"t-{Guid.NewGuid():N}@example.org", "Mr. Okafor");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/classrooms") { Content = JsonContent.Create(new { name = "Biology", subject = "Science", grade = "9" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teacherToken);
        var classroom = await (await server.Api.SendAsync(request)).Content.ReadFromJsonAsync<Classroom>();

        var page = await server.NewPageAsync();
        await page.GotoAsync("/register");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Student" }).CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Maya Chen");
        await page.GetByLabel("Email").FillAsync($"maya-{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password").FillAsync(StudyHubServer.Password);
        await page.GetByLabel("Birth date (students)").FillAsync(DateTime.UtcNow.AddYears(-15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Maya Chen" }));

        await page.GetByLabel("Join code").FillAsync("wrong1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByText("No classroom has this join code"));

        await page.GetByLabel("Join code").FillAsync(classroom!.JoinCode.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Biology" }));
        await Expect(page.GetByText("Teacher: Mr. Okafor"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Class leaderboard" })).ToHaveAttributeAsync("href", $"/leaderboards?class={classroom!.Id}");

        using var roster = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/classrooms/{classroom.Id}/students");
        roster.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teacherToken);
        var names = await (await server.Api.SendAsync(roster)).Content.ReadAsStringAsync();
        Assert.Contains("Maya Chen", names, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_links_an_under_13_child_and_gives_consent()
    {
        var (_, childToken) = await server.RegisterThroughApiAsync("student", $"leo-{Guid.NewGuid():N}@example.org", "Leo Park", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-11)));
        using var codeRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/parent-link-codes");
        codeRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", childToken);
        var code = await (await server.Api.SendAsync(codeRequest)).Content.ReadFromJsonAsync<LinkCode>();

        var page = await server.NewPageAsync();
        await page.GotoAsync("/register");
        await page.GetByLabel("Parent or guardian").CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Sam Park");
        var parentEmail = $"sam-{Guid.NewGuid():N}@example.org";
        await page.GetByLabel("Email").FillAsync(parentEmail);
        await page.GetByLabel("Password").FillAsync(StudyHubServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Family" }).First.ClickAsync();

        await page.GetByLabel("Link code from your child").FillAsync(code!.Code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Waiting for your consent"));

        // Consent counts only from a parent the school can reach: first the link from the welcome mail.
        await Expect(page.GetByText("Verify your email address first"));
        var childPage = page.Url;
        var verification = await server.Mail.WaitForAsync(parentEmail, "Confirm your StudyHub email address");
        await page.GotoAsync(StudyHub.Server.Tests.Infrastructure.SmtpCatcher.LinkIn(verification, "/verify-email").PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my address" }).ClickAsync();
        await Expect(page.GetByText("your email address is confirmed"));
        await page.GotoAsync(childPage);
        await page.GetByLabel("I am Leo Park's parent or guardian and I am 18 or older.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Give consent for Leo Park" }).ClickAsync();
        await Expect(page.GetByText("Consent given"));

        using var capabilities = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/capabilities");
        capabilities.Headers.Authorization = new AuthenticationHeaderValue("Bearer", childToken);
        var open = await (await server.Api.SendAsync(capabilities)).Content.ReadAsStringAsync();
        Assert.Contains("\"ai\":true", open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_only_back_to_local_pages()
    {
        var page = await server.NewPageAsync();

        await page.GotoAsync("/dashboard");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);

        var (_, _) = await server.RegisterThroughApiAsync("teacher", "redirect-" + Guid.NewGuid().ToString("N") + "@example.org", "R");
        await page.GotoAsync("/signin?returnUrl=https://evil.example.org/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome back" }));
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    [GeneratedRegex("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$")]
    private static partial Regex JoinCode();

    private sealed record Classroom(Guid Id, string JoinCode);

    private sealed record LinkCode(string Code);
}
