using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>A teacher gives a student extended time in a class: new sessions stretch every limit and the time bonus with it.</summary>
public sealed class ExtendedTimeTests : IDisposable
{
    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_with_one_and_a_half_times_the_time_gets_45_seconds_and_a_time_bonus_measured_against_them()
    {
        var (teacher, classroomId, student) = await ClassAsync();
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var studentClient = _factory.CreateClientFor(student);

        var set = await (await teacherClient.PutAsJsonAsync($"/api/v1/classrooms/{classroomId}/students/{student.Id}/extended-time", new { percent = 150 })).JsonAsync();
        Assert.Equal((150, "1.5×"), (set.GetProperty("percent").GetInt32(), set.GetProperty("label").GetString()));
        var list = await (await teacherClient.GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/extended-time", UriKind.Relative))).JsonAsync();
        Assert.Equal(150, list.EnumerateArray().Single().GetProperty("percent").GetInt32());

        var gameId = (await (await studentClient.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 1 })).JsonAsync()).GetProperty("id").GetGuid();
        var sessionId = (await (await studentClient.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync()).GetProperty("id").GetGuid();
        var next = await (await studentClient.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
        var question = next.GetProperty("question");
        var baseLimit = question.GetProperty("type").GetString() == "freeAnswer" ? 60 : 30;
        Assert.Equal((baseLimit * 3 / 2, 150), (next.GetProperty("timeLimitSeconds").GetInt32(), next.GetProperty("extendedTimePercent").GetInt32()));

        // Answered at the standard limit: a third of the extended limit is left, so a third of the bonus.
        _factory.Clock.Advance(TimeSpan.FromSeconds(baseLimit));
        var questionId = question.GetProperty("id").GetGuid();
        var result = await (await studentClient.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();
        Assert.Equal(16.67m, result.GetProperty("points").GetProperty("timeBonus").GetDecimal());

        using var browser = await WebBrowser.SignedInAsync(_factory, teacher);
        var page = await browser.GetPageAsync($"/classrooms/{classroomId}/games");
        Assert.Matches("<option value=\"150\" selected", page);
        var saved = await browser.PostAsync($"/classrooms/{classroomId}/games", "extended-time", WebBrowser.AntiforgeryToken(page), new()
        {
            ["student"] = student.Id.ToString(), [$"percent-{student.Id}"] = "200",
        });
        Assert.Equal($"/classrooms/{classroomId}/games?saved={student.Id}", WebBrowser.RedirectPath(saved));
        Assert.Contains("Noor now has 2× time in new games", WebUtility.HtmlDecode(await browser.GetPageAsync(WebBrowser.RedirectPath(saved))), StringComparison.Ordinal);

        // The session already started keeps its multiplier; a new one takes the new setting.
        Assert.Equal(150, await PracticeHost.WithDbAsync(_factory, db => db.Sessions.Select(s => s.ExtendedTimePercent).SingleAsync()));
        var second = (await (await studentClient.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync()).GetProperty("id").GetGuid();
        var stretched = await (await studentClient.GetAsync(new Uri($"/api/v1/game-sessions/{second}/next", UriKind.Relative))).JsonAsync();
        Assert.Equal(baseLimit * 2, stretched.GetProperty("timeLimitSeconds").GetInt32());
        using var player = await WebBrowser.SignedInAsync(_factory, student);
        Assert.Contains("Extended time: 2×", WebUtility.HtmlDecode(await player.GetPageAsync($"/play/{second}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_classs_teacher_sets_extended_time_for_a_student_of_the_class_within_the_allowed_range()
    {
        var (teacher, classroomId, student) = await ClassAsync();
        var other = await _factory.RegisterAndSignInAsync("teacher");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        var outsider = await _factory.RegisterAndSignInAsync("student");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var otherClient = _factory.CreateClientFor(other);
        using var parentClient = _factory.CreateClientFor(parent);
        using var studentClient = _factory.CreateClientFor(student);
        using var anonymous = _factory.CreateClient();
        var url = $"/api/v1/classrooms/{classroomId}/students/{student.Id}/extended-time";

        foreach (var (caller, status, code) in new (HttpClient, HttpStatusCode, string?)[]
        {
            (anonymous, HttpStatusCode.Unauthorized, null),
            (studentClient, HttpStatusCode.Forbidden, "forbidden_role"),
            (parentClient, HttpStatusCode.Forbidden, "forbidden_role"),
            (otherClient, HttpStatusCode.NotFound, "not_found"),
        })
        {
            await (await caller.PutAsJsonAsync(url, new { percent = 200 })).AssertProblemAsync(status, code);
            await (await caller.GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/extended-time", UriKind.Relative))).AssertProblemAsync(status, code);
            await (await caller.GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/open-reports", UriKind.Relative))).AssertProblemAsync(status, code);
        }

        await (await teacherClient.PutAsJsonAsync($"/api/v1/classrooms/{classroomId}/students/{outsider.Id}/extended-time", new { percent = 200 }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        foreach (var percent in new int?[] { null, 50, 110, 325 })
        {
            var invalid = await (await teacherClient.PutAsJsonAsync(url, new { percent })).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(invalid.GetProperty("errors").TryGetProperty("percent", out _));
        }

        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.ExtendedTimes.CountAsync()));
        using var browser = await WebBrowser.SignedInAsync(_factory, other);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/classrooms/{classroomId}/games")).StatusCode);
    }

    private async Task<(TestAccount Teacher, Guid ClassroomId, TestAccount Student)> ClassAsync()
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student", displayName: "Noor");
        using var teacherClient = _factory.CreateClientFor(teacher);
        var created = await (await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Algebra", subject = "Math", grade = "8", timeZone = "UTC" })).JsonAsync();
        using var client = _factory.CreateClientFor(student);
        await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/classrooms/join", new { code = created.GetProperty("joinCode").GetString() }));
        return (teacher, created.GetProperty("id").GetGuid(), student);
    }
}
