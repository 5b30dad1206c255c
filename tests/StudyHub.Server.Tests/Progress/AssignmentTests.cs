using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyHub.Server.Tests.Identity;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Practice;

namespace StudyHub.Server.Tests.Progress;

/// <summary>Teachers set games with due times on the class's clock; students see what is due; the gradebook marks late work.</summary>
public sealed class AssignmentTests : IClassFixture<StudyHubFactory>
{
    private readonly StudyHubFactory _factory;

    public AssignmentTests(StudyHubFactory factory) => _factory = factory;

    [Fact]
    public async Task A_gradebook_shows_who_finished_on_time_who_finished_late_and_whose_work_is_missing()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var (onTime, late, missing) = (await _factory.RegisterAndSignInAsync("student"), await _factory.RegisterAndSignInAsync("student"), await _factory.RegisterAndSignInAsync("student"));
        using var teacherClient = _factory.CreateClientFor(teacher);
        var classroomId = await BerlinClassroomAsync(teacherClient, onTime, late, missing);
        var gameId = await GameAsync(teacherClient);
        var dueLocal = Berlin(_factory.Clock.GetUtcNow().AddDays(1)).ToString("yyyy-MM-dd'T'17:00", System.Globalization.CultureInfo.InvariantCulture);

        var created = await (await teacherClient.PostAsJsonAsync($"/api/v1/classrooms/{classroomId}/assignments", new { gameId, title = "Linear equations before Friday", dueLocal })).JsonAsync();
        var assignmentId = created.GetProperty("id").GetGuid();
        var dueAt = created.GetProperty("dueAt").GetDateTime();
        Assert.Equal(dueLocal, created.GetProperty("dueLocal").GetString());
        Assert.Equal(17 - 1, dueAt.Hour); // Berlin is UTC+1 in November

        await PlayAsync(_factory.CreateClientFor(onTime), gameId, finish: true);
        await PlayAsync(_factory.CreateClientFor(late), gameId, finish: false);
        var mine = await (await _factory.CreateClientFor(onTime).GetAsync(new Uri("/api/v1/me/assignments", UriKind.Relative))).JsonAsync();
        Assert.Equal("completed", Assert.Single(mine.EnumerateArray()).GetProperty("myStatus").GetString());

        _factory.Clock.Advance(TimeSpan.FromDays(2));
        using var lateAgain = await PracticeHost.SignInAgainAsync(_factory, late);
        var dueList = await (await lateAgain.GetAsync(new Uri("/api/v1/me/assignments", UriKind.Relative))).JsonAsync();
        Assert.Equal("missing", Assert.Single(dueList.EnumerateArray()).GetProperty("myStatus").GetString());
        await PlayAsync(lateAgain, gameId, finish: true);

        using var teacherAgain = await PracticeHost.SignInAgainAsync(_factory, teacher);
        var book = await (await teacherAgain.GetAsync(new Uri($"/api/v1/assignments/{assignmentId}/gradebook", UriKind.Relative))).JsonAsync();
        var rows = book.GetProperty("students").EnumerateArray().ToDictionary(r => r.GetProperty("studentId").GetGuid());
        Assert.Equal("completed", rows[onTime.Id].GetProperty("status").GetString());
        Assert.Equal(1.0, rows[onTime.Id].GetProperty("accuracy").GetDouble());
        Assert.True(rows[onTime.Id].GetProperty("bestPoints").GetInt32() > 0);
        Assert.Equal("completedLate", rows[late.Id].GetProperty("status").GetString());
        Assert.Equal("missing", rows[missing.Id].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, rows[missing.Id].GetProperty("bestPoints").ValueKind);
        Assert.Equal((1, 1, 1), (book.GetProperty("completed").GetInt32(), book.GetProperty("completedLate").GetInt32(), book.GetProperty("missing").GetInt32()));

        var csv = await teacherAgain.GetStringAsync(new Uri($"/api/v1/assignments/{assignmentId}/gradebook.csv", UriKind.Relative));
        Assert.Contains("Student,Status,Best points,Accuracy", csv, StringComparison.Ordinal);
        Assert.Contains("completed late", csv, StringComparison.Ordinal);
        Assert.Contains("missing", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_sees_only_the_assignments_set_for_them()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var (chosen, other) = (await _factory.RegisterAndSignInAsync("student"), await _factory.RegisterAndSignInAsync("student"));
        using var teacherClient = _factory.CreateClientFor(teacher);
        var classroomId = await BerlinClassroomAsync(teacherClient, chosen, other);
        var gameId = await GameAsync(teacherClient);

        await (await teacherClient.PostAsJsonAsync($"/api/v1/classrooms/{classroomId}/assignments", new { gameId, dueLocal = "2026-12-24T12:00", studentIds = new[] { chosen.Id } })).JsonAsync();

        var forChosen = await (await _factory.CreateClientFor(chosen).GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/assignments", UriKind.Relative))).JsonAsync();
        var forOther = await (await _factory.CreateClientFor(other).GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/assignments", UriKind.Relative))).JsonAsync();
        var forTeacher = await (await teacherClient.GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/assignments", UriKind.Relative))).JsonAsync();
        Assert.Equal("notStarted", Assert.Single(forChosen.EnumerateArray()).GetProperty("myStatus").GetString());
        Assert.Empty(forOther.EnumerateArray());
        Assert.Equal(chosen.Id, Assert.Single(Assert.Single(forTeacher.EnumerateArray()).GetProperty("studentIds").EnumerateArray()).GetGuid());
    }

    [Fact]
    public async Task Bad_due_times_strangers_and_other_teachers_games_get_clear_errors()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var stranger = await _factory.RegisterAndSignInAsync("student");
        var member = await _factory.RegisterAndSignInAsync("student");
        using var teacherClient = _factory.CreateClientFor(teacher);
        var classroomId = await BerlinClassroomAsync(teacherClient, member);
        var gameId = await GameAsync(teacherClient);
        using var otherTeacher = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("teacher"));
        var othersGame = await GameAsync(otherTeacher);
        var url = $"/api/v1/classrooms/{classroomId}/assignments";

        (await (await teacherClient.PostAsJsonAsync(url, new { gameId, dueLocal = "2026-11-20T17:00" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .FieldErrors("dueLocal").ShouldMention("passed");
        (await (await teacherClient.PostAsJsonAsync(url, new { gameId, dueLocal = "2027-03-28T02:30" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .FieldErrors("dueLocal").ShouldMention("skip");
        (await (await teacherClient.PostAsJsonAsync(url, new { gameId, dueLocal = "next friday" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .FieldErrors("dueLocal").ShouldMention("2026-12-01T17:00");
        (await (await teacherClient.PostAsJsonAsync(url, new { gameId, dueLocal = "2026-12-24T12:00", studentIds = new[] { stranger.Id } })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .FieldErrors("studentIds").ShouldMention("class");
        await (await teacherClient.PostAsJsonAsync(url, new { gameId = othersGame, dueLocal = "2026-12-24T12:00" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await otherTeacher.PostAsJsonAsync(url, new { gameId = othersGame, dueLocal = "2026-12-24T12:00" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _factory.CreateClientFor(member).PostAsJsonAsync(url, new { gameId, dueLocal = "2026-12-24T12:00" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().PostAsJsonAsync(url, new { gameId, dueLocal = "2026-12-24T12:00" })).StatusCode);

        var assignment = await (await teacherClient.PostAsJsonAsync(url, new { gameId, dueLocal = "2026-12-24T12:00" })).JsonAsync();
        var gradebook = $"/api/v1/assignments/{assignment.GetProperty("id").GetGuid()}/gradebook";
        await (await otherTeacher.GetAsync(new Uri(gradebook, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _factory.CreateClientFor(member).GetAsync(new Uri(gradebook, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await _factory.CreateClientFor(stranger).GetAsync(new Uri(url, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await otherTeacher.DeleteAsync(new Uri($"/api/v1/assignments/{assignment.GetProperty("id").GetGuid()}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await teacherClient.DeleteAsync(new Uri($"/api/v1/assignments/{assignment.GetProperty("id").GetGuid()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherClient.GetAsync(new Uri(gradebook, UriKind.Relative))).StatusCode);
    }

    private static DateTimeOffset Berlin(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    private async Task<Guid> BerlinClassroomAsync(HttpClient teacherClient, params TestAccount[] students)
    {
        var classroom = await (await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Maths 8B", subject = "Math", grade = "8", timeZone = "Europe/Berlin" })).JsonAsync();
        foreach (var student in students)
        {
            using var client = _factory.CreateClientFor(student);
            await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.GetProperty("joinCode").GetString() }));
        }

        return classroom.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> GameAsync(HttpClient teacherClient) =>
        (await (await teacherClient.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync()).GetProperty("id").GetGuid();

    /// <summary>Plays the game with right answers: all of it, or only the first question.</summary>
    private async Task PlayAsync(HttpClient client, Guid gameId, bool finish)
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync();
        var sessionId = session.GetProperty("id").GetGuid();
        for (var i = 0; i < (finish ? 2 : 1); i++)
        {
            var next = await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
            var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
            await (await client.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();
        }
    }
}
