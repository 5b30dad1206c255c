using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using StudyHub.Math;

namespace StudyHub.Browser.Tests;

/// <summary>
/// A teacher sets an assignment from a skill, the student finds it and plays, then both look at
/// progress: the student's page (mastery, activity, chart), the class matrix and the gradebook.
/// axe at 1280 and 375 px on every step; screenshots under artifacts/screenshots/progress.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressJourneyTests(StudyHubServer server)
{
    private static readonly MathEngine Engine = new();

    [Fact]
    public async Task A_teacher_sets_an_assignment_the_student_plays_it_and_both_see_the_progress()
    {
        var teacherEmail = $"t-{Guid.NewGuid():N}@example.org";
        var (_, teacherToken) = await server.RegisterThroughApiAsync("teacher", teacherEmail, "Mr. Adeyemi");
        var classroom = await server.SendAsync<Classroom>(HttpMethod.Post, "/api/v1/classrooms", teacherToken, new { name = "Maths 7C", subject = "Math", grade = "7", timeZone = "Europe/Berlin" });
        var studentEmail = $"s-{Guid.NewGuid():N}@example.org";
        var (_, studentToken) = await server.RegisterThroughApiAsync("student", studentEmail, "Maya Chen", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-14)));
        await server.SendAsync<Classroom>(HttpMethod.Post, "/api/v1/classrooms/join", studentToken, new { code = classroom.JoinCode });

        // The teacher sets a skill game for the class from the class page.
        var teacher = await SignedInPageAsync(teacherEmail);
        await teacher.GotoAsync($"/classrooms/{classroom.Id}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Assignments and gradebook" }).ClickAsync();
        await Expect(teacher.GetByText("No assignments yet."));
        await teacher.GetByLabel("Game").SelectOptionAsync(new SelectOptionValue { Value = "skill:math.linear-equations" });
        await teacher.GetByLabel("Title (optional)").FillAsync("Equations before Friday");
        await teacher.GetByLabel("Due").FillAsync(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'17:00", System.Globalization.CultureInfo.InvariantCulture));
        await StepAsync(teacher, "1-teacher-new-assignment");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Set assignment" }).ClickAsync();
        await Expect(teacher.GetByText("Assignment set."));
        await Expect(teacher.GetByText("Equations before Friday").First);
        await StepAsync(teacher, "2-teacher-assignments");

        // The student finds it under Progress → assignments and plays it.
        var student = await SignedInPageAsync(studentEmail);
        await student.GetByRole(AriaRole.Link, new() { Name = "Progress", Exact = true }).ClickAsync();
        await Expect(student.GetByText("No practice yet."));
        await StepAsync(student, "3-student-progress-empty");
        await student.GetByRole(AriaRole.Link, new() { Name = "Your assignments" }).ClickAsync();
        await Expect(student.GetByText("Equations before Friday").First);
        await StepAsync(student, "4-student-assignments");
        await student.GetByRole(AriaRole.Button, new() { Name = "Play Equations before Friday" }).ClickAsync();
        await Expect(student.GetByRole(AriaRole.Heading, new() { Name = "Question 1 of 10" }));
        var sessionId = Guid.Parse(new Uri(student.Url).Segments[^1]);
        await AnswerThroughApiAsync(sessionId, studentToken);

        // The answers reach mastery through the job runner: the page shows them within moments.
        await Eventually(student, "/progress", student.GetByText("Linear equations").First);
        await Assertions.Expect(student.Locator("canvas[data-chart='weekly-trend'][data-drawn]")).ToHaveCountAsync(1);
        await Expect(student.GetByRole(AriaRole.Table, new() { Name = "Questions answered per day; columns are weeks (starting Monday), rows are days of the week." }));
        await StepAsync(student, "5-student-progress");

        // The teacher's class matrix and the gradebook.
        await teacher.GotoAsync($"/classrooms/{classroom.Id}/progress");
        await Expect(teacher.GetByRole(AriaRole.Link, new() { Name = "Maya Chen" }).First);
        await Expect(teacher.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }));
        await StepAsync(teacher, "6-teacher-class-progress");
        await teacher.GotoAsync($"/classrooms/{classroom.Id}/assignments");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Gradebook for Equations before Friday" }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Cell, new() { Name = "Started" }));
        var download = await teacher.RunAndWaitForDownloadAsync(() => teacher.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        await StepAsync(teacher, "7-teacher-gradebook");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Maya Chen" }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Maya Chen's progress" }));
        await StepAsync(teacher, "8-teacher-student-progress");
    }

    private async Task AnswerThroughApiAsync(Guid sessionId, string token)
    {
        using var next = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/game-sessions/{sessionId}/next");
        next.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var question = (await (await server.Api.SendAsync(next)).Content.ReadFromJsonAsync<Next>())!.Question!;
        var answer = question.Options.Count == 0
            ? Engine.Solve(question.Math!).Answer
            : question.Options.First(o => Engine.Check(question.Math!, o.Text).CountsAsCorrect).Id;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/game-sessions/{sessionId}/answers") { Content = JsonContent.Create(new { questionId = question.Id, answer }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await server.Api.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static async Task Eventually(IPage page, string url, ILocator locator)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.GotoAsync(url);
            if (await locator.CountAsync() > 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        await Expect(locator);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await StudyHubServer.SignInAsync(page, email);
        return page;
    }

    /// <summary>axe and the CSP at laptop and phone widths, a screenshot of each.</summary>
    private static async Task StepAsync(IPage page, string name)
    {
        await PageAudits.AuditAtBothWidthsAsync(page, "progress", name);
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
    }

    private sealed record Classroom(Guid Id, string JoinCode);

    private sealed record Next(Question? Question);

    private sealed record Question(Guid Id, string Type, string? Math, List<Option> Options);

    private sealed record Option(string Id, string Text);
}
