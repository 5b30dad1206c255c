using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>
/// A student plays one teach-the-AI question (find Sam's wrong step, explain the fix) and reports a
/// quiz question; the teacher finds the report from the class page, reviews the game (answers,
/// the report, the editor), finds the question fine, and gives the student extended time. axe at
/// 1280 and 375 px on every step; screenshots under artifacts/screenshots/teacher-review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeacherReviewJourneyTests(StudyHubServer server)
{
    [Fact]
    public async Task A_student_teaches_the_ai_and_reports_a_question_and_the_teacher_reviews_it_and_gives_extended_time()
    {
        var teacherEmail = $"t-{Guid.NewGuid():N}@example.org";
        var (_, teacherToken) = await server.RegisterThroughApiAsync("teacher", teacherEmail, "Ms. Okafor");
        var classroom = await server.SendAsync<Classroom>(HttpMethod.Post, "/api/v1/classrooms", teacherToken, new { name = "Algebra 8B", subject = "Math", grade = "8", timeZone = "UTC" });
        var studentEmail = $"s-{Guid.NewGuid():N}@example.org";
        var (_, studentToken) = await server.RegisterThroughApiAsync("student", studentEmail, "Lena Park", DateOnly.FromDateTime(DateTime.UtcNow.AddYears(-14)));
        await server.SendAsync<object>(HttpMethod.Post, "/api/v1/classrooms/join", studentToken, new { code = classroom.JoinCode });
        var game = await server.SendAsync<Game>(HttpMethod.Post, "/api/v1/games", teacherToken, new { skillId = "math.linear-equations", questionCount = 2 });

        // The student: one teach-the-AI question from the start page, with the keyboard where it matters.
        var student = await SignedInPageAsync(studentEmail);
        await student.GotoAsync("/play/new");
        await student.GetByLabel("Linear equations").CheckAsync();
        await student.GetByLabel("Teach the AI: find Sam").CheckAsync();
        await student.GetByLabel("Questions").FillAsync("1");
        await student.GetByRole(AriaRole.Button, new() { Name = "Start the game" }).ClickAsync();
        await Expect(student.GetByRole(AriaRole.Group, new() { Name = "Which step did Sam get wrong?" }));
        await Assertions.Expect(student.Locator(".teach-steps .katex").First).ToBeVisibleAsync();
        await StepAsync(student, "1-teach-the-ai-question");

        // Try the steps in order until the question ends (the wrong one ends it; three attempts at most).
        var steps = await student.Locator(".teach-steps input[type=radio]").CountAsync();
        for (var i = 0; i < steps && await student.GetByRole(AriaRole.Button, new() { Name = "Teach Sam" }).CountAsync() > 0; i++)
        {
            await student.Locator(".teach-steps input[type=radio]").Nth(i).CheckAsync();
            await student.GetByLabel("Explain to Sam what went wrong and how to fix it").FillAsync("The sign changes when the number moves to the other side, so subtract it.");
            if (i == 0)
            {
                await StepAsync(student, "2-teach-the-ai-explained");
            }

            await student.GetByLabel("Explain to Sam what went wrong and how to fix it").PressAsync("Tab");
            await student.GetByRole(AriaRole.Button, new() { Name = "Teach Sam" }).ClickAsync();
            await Expect(student.Locator("#feedback-heading"));
        }

        await Expect(student.GetByRole(AriaRole.Link, new() { Name = "See your results" }));
        await Expect(student.Locator(".points"));
        await StepAsync(student, "3-teach-the-ai-outcome");

        // The teacher's quiz: the student reports its first question.
        var session = await server.SendAsync<Session>(HttpMethod.Post, "/api/v1/game-sessions", studentToken, new { gameId = game.Id });
        await student.GotoAsync($"/play/{session.Id}");
        await student.GetByText("Report this question").ClickAsync();
        await student.GetByLabel("The right answer is marked wrong").CheckAsync();
        await student.GetByLabel("Anything to add? (optional)").FillAsync("I think b is right too");
        await student.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Expect(student.GetByText("Thanks: your report is with your teacher."));

        // The teacher: from the class page to the report, the review page, and back to "fine".
        var teacher = await SignedInPageAsync(teacherEmail);
        await teacher.GotoAsync($"/classrooms/{classroom.Id}");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Games, reports and extended time" }).ClickAsync();
        await Expect(teacher.GetByText("1 open report"));
        await StepAsync(teacher, "4-class-games");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Practice: math.linear-equations" }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "1 open report" }));
        await Expect(teacher.GetByText("I think b is right too"));
        await Expect(teacher.GetByText("Points voided"));
        await Expect(teacher.GetByText("Right answer").First);
        await StepAsync(teacher, "5-review");
        await teacher.GetByText("Edit question 1").ClickAsync();
        await Expect(teacher.GetByLabel("Prompt").First);
        await StepAsync(teacher, "6-review-editor");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "It's fine — give the points back" }).ClickAsync();
        await Expect(teacher.GetByText("Reports on question 1 resolved: everyone's points are back."));
        await Assertions.Expect(teacher.GetByText("Points voided")).ToHaveCountAsync(0);
        await StepAsync(teacher, "7-review-resolved");

        // Extended time for the student, from the same class page.
        await teacher.GotoAsync($"/classrooms/{classroom.Id}/games");
        await teacher.GetByLabel("Time limits for Lena Park", new() { Exact = true }).SelectOptionAsync("150");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Save time limits for Lena Park" }).ClickAsync();
        await Expect(teacher.GetByText("Lena Park now has 1.5× time in new games."));
        await StepAsync(teacher, "8-extended-time");

        // The student's next game shows the longer clock.
        await student.GotoAsync("/play/new");
        await student.GetByLabel("Linear equations").CheckAsync();
        await student.GetByLabel("Questions").FillAsync("1");
        await student.GetByRole(AriaRole.Button, new() { Name = "Start the game" }).ClickAsync();
        await Expect(student.GetByText("Extended time: 1.5×"));
        await StepAsync(student, "9-extended-timer");
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator).ToBeVisibleAsync();

    private async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await server.NewPageAsync();
        await PageAudits.WatchContentSecurityPolicyAsync(page);
        await StudyHubServer.SignInAsync(page, email);
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    private static async Task StepAsync(IPage page, string name)
    {
        await PageAudits.AuditAtBothWidthsAsync(page, "teacher-review", name);
        await PageAudits.AssertNoContentSecurityPolicyViolationsAsync(page);
    }

    private sealed record Classroom(Guid Id, string JoinCode);

    private sealed record Game(Guid Id);

    private sealed record Session(Guid Id);
}
