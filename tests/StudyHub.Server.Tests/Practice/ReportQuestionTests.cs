using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Practice.Domain;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Reporting a bad question: only one the student was shown, once per student, kept for the teacher; from the API and the play page.</summary>
public sealed class ReportQuestionTests : IDisposable
{
    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_reports_a_question_they_were_shown_once_and_the_report_is_stored_for_the_teacher()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var (gameId, _, questionId) = await PlayingAsync(client);

        var first = await client.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "wrong-answer", comment = "  x = 4 is right  " });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var report = await first.JsonAsync();
        Assert.Equal(("wrong-answer", "x = 4 is right"), (report.GetProperty("reason").GetString(), report.GetProperty("comment").GetString()));

        // Sent again (even with another reason): the first report, not a second.
        var again = await client.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "typo" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(report.GetProperty("id").GetGuid(), (await again.JsonAsync()).GetProperty("id").GetGuid());

        var stored = await PracticeHost.WithDbAsync(_factory, db => db.QuestionReports.SingleAsync());
        Assert.Equal((gameId, student.Id, ReportReason.WrongAnswer, (DateTime?)null), (stored.GameId, stored.StudentId, stored.Reason, stored.ResolvedAt));
        Assert.Equal(_factory.Clock.GetUtcNow().UtcDateTime, stored.CreatedAt);
    }

    [Fact]
    public async Task Reports_of_questions_not_shown_to_the_student_by_other_roles_or_with_bad_input_are_refused_and_nothing_is_stored()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var other = await _factory.RegisterAndSignInAsync("student");
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var client = _factory.CreateClientFor(student);
        using var otherClient = _factory.CreateClientFor(other);
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var anonymous = _factory.CreateClient();
        var (gameId, _, questionId) = await PlayingAsync(client);
        var notYetShown = await PracticeHost.WithDbAsync(_factory, db => db.Questions.Where(q => q.GameId == gameId && q.Id != questionId).Select(q => q.Id).FirstAsync());
        var body = new { reason = "unclear" };

        await (await anonymous.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await teacherClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await otherClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", body)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsJsonAsync($"/api/v1/questions/{notYetShown}/reports", body)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsJsonAsync($"/api/v1/questions/{Guid.NewGuid()}/reports", body)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var badReason = await (await client.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "boring" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badReason.GetProperty("errors").TryGetProperty("reason", out _));
        var longComment = await (await client.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "other", comment = new string('a', 501) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(longComment.GetProperty("errors").TryGetProperty("comment", out _));

        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.QuestionReports.CountAsync()));
    }

    [Fact]
    public async Task The_play_page_reports_the_question_and_comes_back_to_it_with_thanks()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var (_, sessionId, questionId) = await PlayingAsync(client);
        using var browser = await WebBrowser.SignedInAsync(_factory, student);

        var page = await browser.GetPageAsync($"/play/{sessionId}");
        Assert.Contains("<summary>Report this question</summary>", page, StringComparison.Ordinal);
        var token = WebBrowser.AntiforgeryToken(page);

        var missing = await browser.PostAsync($"/play/{sessionId}", "report", token, new() { ["question"] = questionId.ToString(), ["answered"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("<p id=\"report-error\" class=\"field-error\">Say what is wrong", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sent = await browser.PostAsync($"/play/{sessionId}", "report", token, new() { ["question"] = questionId.ToString(), ["answered"] = "", ["reason"] = "typo", ["comment"] = "" });
        Assert.Equal($"/play/{sessionId}?reported=1", WebBrowser.RedirectPath(sent));
        var back = await browser.GetPageAsync(WebBrowser.RedirectPath(sent));
        Assert.Contains("Thanks: your report is with your teacher.", back, StringComparison.Ordinal);
        Assert.Equal(questionId.ToString(), WebBrowser.InputValue(back, "question"));
        Assert.Equal(ReportReason.Typo, await PracticeHost.WithDbAsync(_factory, db => db.QuestionReports.Select(r => r.Reason).SingleAsync()));
    }

    [Fact]
    public async Task A_students_reports_are_in_their_export_and_gone_after_erasure()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var (_, _, questionId) = await PlayingAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "typo", comment = "teh" })).StatusCode);

        var export = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/export");
        var exported = Assert.Single(export.GetProperty("practice").GetProperty("questionReports").EnumerateArray());
        Assert.Equal(("Typo", "teh"), (exported.GetProperty("reason").GetString(), exported.GetProperty("comment").GetString()));

        var erased = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = ApiClient.DefaultPassword }) });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.QuestionReports.CountAsync()));
    }

    /// <summary>A game of two questions with the first one shown: (game, session, shown question).</summary>
    private async Task<(Guid GameId, Guid SessionId, Guid QuestionId)> PlayingAsync(HttpClient client)
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync();
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync();
        var sessionId = session.GetProperty("id").GetGuid();
        var next = await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
        Assert.Equal(JsonValueKind.Object, next.GetProperty("question").ValueKind);
        return (game.GetProperty("id").GetGuid(), sessionId, next.GetProperty("question").GetProperty("id").GetGuid());
    }
}
