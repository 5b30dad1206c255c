using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Identity;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Progress;

/// <summary>The progress, class progress, assignment and gradebook pages, driven as a browser would; and who is turned away.</summary>
public sealed class ProgressPageTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_their_parent_and_their_teacher_see_the_same_progress_and_nobody_else_does()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student", displayName: "Ada Lovelace");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var teacherApi = _factory.CreateClientFor(teacher);
        await ProgressApiTests.JoinNewClassroomAsync(_factory, teacherApi, student);
        await ProgressApiTests.LinkAsync(_factory.CreateClientFor(student), _factory.CreateClientFor(parent));
        for (var i = 0; i < 3; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, student.Id, "math.fractions", Guid.NewGuid(), correct: true, seconds: 12);
        }

        for (var i = 0; i < 5; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, student.Id, "math.linear-equations", Guid.NewGuid(), correct: i == 0, seconds: 20);
        }

        using var own = await WebSession.SignInAsync(_factory, student);
        var html = await PageAsync(own, "/progress");
        Assert.Contains("Your progress", html, StringComparison.Ordinal);
        Assert.Contains("Mathematics", html, StringComparison.Ordinal);
        Assert.Contains("Mastered", html, StringComparison.Ordinal);                  // fractions, 98%: the word, not only a colour
        Assert.Contains("<meter", html, StringComparison.Ordinal);
        Assert.Contains("Weak spots", html, StringComparison.Ordinal);                // linear equations: 1 of 5 right
        Assert.Contains("class=\"heat heat-2\"", html, StringComparison.Ordinal);     // eight answers today
        Assert.Contains("data-chart=\"weekly-trend\"", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/dist/chart.umd.js", html, StringComparison.Ordinal);
        // This week in the table behind the chart: 8 questions, 4 right first time, median 20 s.
        Assert.Contains("<td>8</td><td>50%</td><td>20 s</td>", System.Text.RegularExpressions.Regex.Replace(html, ">\\s+<", "><"), StringComparison.Ordinal);
        Assert.Contains("Your progress", await PageAsync(own, $"/students/{student.Id}/progress"), StringComparison.Ordinal);

        using var parentWeb = await WebSession.SignInAsync(_factory, parent);
        Assert.Contains("Ada Lovelace's progress", await PageAsync(parentWeb, $"/students/{student.Id}/progress"), StringComparison.Ordinal);
        Assert.Contains($"/students/{student.Id}/progress", await PageAsync(parentWeb, $"/family/children/{student.Id}"), StringComparison.Ordinal);
        using var teacherWeb = await WebSession.SignInAsync(_factory, teacher);
        Assert.Contains("Ada Lovelace's progress", await PageAsync(teacherWeb, $"/students/{student.Id}/progress"), StringComparison.Ordinal);

        // Another family's parent, another class's teacher, another student: the same 404 as no such student.
        foreach (var role in new[] { "parent", "teacher", "student" })
        {
            using var stranger = await WebSession.SignInAsync(_factory, await _factory.RegisterAndSignInAsync(role));
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/students/{student.Id}/progress")).StatusCode);
        }

        using var anonymous = WebSession.Anonymous(_factory);
        Assert.Equal("/signin?ReturnUrl=" + Uri.EscapeDataString($"/students/{student.Id}/progress"), WebSession.RedirectTarget(await anonymous.GetAsync($"/students/{student.Id}/progress")));
        Assert.Equal("/signin?ReturnUrl=%2Fprogress", WebSession.RedirectTarget(await anonymous.GetAsync("/progress")));
    }

    [Fact]
    public async Task A_new_student_is_told_what_to_do_next()
    {
        using var web = await WebSession.SignInAsync(_factory, await _factory.RegisterAndSignInAsync("student"));
        var html = await PageAsync(web, "/progress");
        Assert.Contains("No practice yet.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/play/new\"", html, StringComparison.Ordinal);
        Assert.Contains("Nothing set yet.", await PageAsync(web, "/assignments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_sees_the_class_matrix_in_words_and_colour_who_needs_help_and_downloads_it()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var (ada, ben) = (await _factory.RegisterAndSignInAsync("student", displayName: "Ada"), await _factory.RegisterAndSignInAsync("student", displayName: "Ben"));
        using var teacherApi = _factory.CreateClientFor(teacher);
        var classroom = await ProgressApiTests.JoinNewClassroomAsync(_factory, teacherApi, ada, ben);
        for (var i = 0; i < 3; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, ada.Id, "math.fractions", Guid.NewGuid(), correct: true);
        }

        for (var i = 0; i < 5; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, ben.Id, "math.linear-equations", Guid.NewGuid(), correct: false);
        }

        using var web = await WebSession.SignInAsync(_factory, teacher);
        Assert.Contains($"/classrooms/{classroom.Id}/progress", await PageAsync(web, $"/classrooms/{classroom.Id}"), StringComparison.Ordinal);
        var html = await PageAsync(web, $"/classrooms/{classroom.Id}/progress");
        Assert.Contains("<td class=\"cell cell-mastered\">✓ 98%</td>", html, StringComparison.Ordinal);
        Assert.Contains("not practised", html, StringComparison.Ordinal);
        var help = html[html.IndexOf("Who needs help first", StringComparison.Ordinal)..html.IndexOf("Mastery by student and skill", StringComparison.Ordinal)];
        Assert.Contains("Ben", help, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", help, StringComparison.Ordinal);
        Assert.Contains($"/students/{ben.Id}/progress", help, StringComparison.Ordinal);

        var csv = await web.GetAsync($"/classrooms/{classroom.Id}/progress.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Student,math.fractions,math.linear-equations", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);

        using var otherTeacher = await WebSession.SignInAsync(_factory, await _factory.RegisterAndSignInAsync("teacher"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeacher.GetAsync($"/classrooms/{classroom.Id}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeacher.GetAsync($"/classrooms/{classroom.Id}/progress.csv")).StatusCode);
        using var student = await WebSession.SignInAsync(_factory, ada);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/classrooms/{classroom.Id}/progress")).StatusCode);
        using var anonymous = WebSession.Anonymous(_factory);
        Assert.StartsWith("/signin?ReturnUrl=", WebSession.RedirectTarget(await anonymous.GetAsync($"/classrooms/{classroom.Id}/progress")), StringComparison.Ordinal);
        Assert.StartsWith("/signin?ReturnUrl=", WebSession.RedirectTarget(await anonymous.GetAsync($"/classrooms/{classroom.Id}/progress.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_sets_an_assignment_from_a_skill_the_student_plays_it_and_the_gradebook_shows_it()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student", displayName: "Maya Chen");
        using var teacherApi = _factory.CreateClientFor(teacher);
        var classroom = await ProgressApiTests.JoinNewClassroomAsync(_factory, teacherApi, student);
        using var web = await WebSession.SignInAsync(_factory, teacher);
        var page = $"/classrooms/{classroom.Id}/assignments";
        var empty = await PageAsync(web, page);
        Assert.Contains("No assignments yet.", empty, StringComparison.Ordinal);
        Assert.Contains("Due times are on the class's clock: Coordinated Universal Time (UTC).", empty, StringComparison.Ordinal);

        // A due time already passed: the form comes back with the reason next to the field.
        var past = await web.PostFormAsync(page, "create-assignment", new() { ["Game"] = "skill:math.fractions", ["Title"] = "Fractions", ["DueLocal"] = "2026-01-01T09:00" });
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        var pastHtml = WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync());
        Assert.Contains("id=\"due-error\" class=\"field-error\"", pastHtml, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"due-error due-hint\"", pastHtml, StringComparison.Ordinal);
        Assert.Contains("already passed", pastHtml, StringComparison.Ordinal);
        var noGame = await (await web.PostFormAsync(page, "create-assignment", new() { ["Game"] = "", ["DueLocal"] = "2026-12-24T12:00" })).Content.ReadAsStringAsync();
        Assert.Contains("id=\"game-error\"", noGame, StringComparison.Ordinal);

        var due = _factory.Clock.GetUtcNow().UtcDateTime.AddDays(2).ToString("yyyy-MM-dd'T'17:00", CultureInfo.InvariantCulture);
        var set = WebSession.RedirectTarget(await web.PostFormAsync(page, "create-assignment", new() { ["Game"] = "skill:math.fractions", ["Title"] = "Fractions before Friday", ["DueLocal"] = due }));
        Assert.Equal($"{page}?done=set", set);
        var list = await PageAsync(web, set);
        Assert.Contains("Fractions before Friday", list, StringComparison.Ordinal);
        Assert.Contains("whole class", list, StringComparison.Ordinal);
        var assignment = Assert.Single((await teacherApi.GetFromJsonAsync<List<AssignmentRow>>($"/api/v1/classrooms/{classroom.Id}/assignments"))!);
        Assert.Contains("Practice: math.fractions (10 questions)", await PageAsync(web, page), StringComparison.Ordinal); // the new game can be set again

        using var studentWeb = await WebSession.SignInAsync(_factory, student);
        var mine = await PageAsync(studentWeb, "/assignments");
        Assert.Contains("Fractions before Friday", mine, StringComparison.Ordinal);
        Assert.Contains(">To do</span>", mine, StringComparison.Ordinal);
        await PracticeHostJobs();
        var play = WebSession.RedirectTarget(await studentWeb.PostFormAsync("/assignments", "play", new() { ["GameId"] = assignment.GameId.ToString() }));
        Assert.StartsWith("/play/", play, StringComparison.Ordinal);
        Assert.Contains(">Started</span>", await PageAsync(studentWeb, "/assignments"), StringComparison.Ordinal);

        var book = await PageAsync(web, $"/assignments/{assignment.Id}/gradebook");
        Assert.Contains("Maya Chen", book, StringComparison.Ordinal);
        Assert.Contains(">Started</span>", book, StringComparison.Ordinal);
        var csv = await web.GetAsync($"/assignments/{assignment.Id}/gradebook.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Maya Chen,in progress", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Strangers: another teacher gets 404s; a student is turned away from the teacher's pages.
        using var otherTeacher = await WebSession.SignInAsync(_factory, await _factory.RegisterAndSignInAsync("teacher"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeacher.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeacher.GetAsync($"/assignments/{assignment.Id}/gradebook")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeacher.GetAsync($"/assignments/{assignment.Id}/gradebook.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await studentWeb.GetAsync($"/assignments/{assignment.Id}/gradebook")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await studentWeb.GetAsync(page)).StatusCode);
        using var otherStudent = await WebSession.SignInAsync(_factory, await _factory.RegisterAndSignInAsync("student"));
        Assert.DoesNotContain("Fractions before Friday", await PageAsync(otherStudent, "/assignments"), StringComparison.Ordinal);
        var foreignPlay = await otherStudent.PostFormAsync("/assignments", "play", new() { ["GameId"] = assignment.GameId.ToString() });
        Assert.Equal(HttpStatusCode.OK, foreignPlay.StatusCode);
        Assert.Contains("no longer set for you", WebUtility.HtmlDecode(await foreignPlay.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Delete after the confirmation step; a refresh of the result repeats nothing.
        Assert.Contains("Delete “Fractions before Friday”?", await PageAsync(web, $"{page}?delete={assignment.Id}"), StringComparison.Ordinal);
        var deleted = WebSession.RedirectTarget(await web.PostFormAsync($"{page}?delete={assignment.Id}", "delete-assignment", new() { ["AssignmentId"] = assignment.Id.ToString() }));
        Assert.Contains("The assignment was deleted.", await PageAsync(web, deleted), StringComparison.Ordinal);
        Assert.Contains("No assignments yet.", await PageAsync(web, deleted), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/assignments/{assignment.Id}/gradebook")).StatusCode);
    }

    /// <summary>The page's text as a reader sees it (Blazor writes ', ✓ and “ as character references).</summary>
    private static async Task<string> PageAsync(WebSession session, string url) => WebUtility.HtmlDecode(await session.PageAsync(url));

    private Task PracticeHostJobs() => Practice.PracticeHost.EnsureJobsTableAsync(_factory);

    private sealed record AssignmentRow(Guid Id, Guid GameId, string Title);
}
