using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>
/// An answer and a report of its question in the same milliseconds: whichever commits first, the
/// answer's points end up voided while the report is open (docs/practice.md, "Reports void points").
/// </summary>
public sealed class ReportRaceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly GatedCommits _gate = new();
    private readonly StudyHubFactory _factory;

    public ReportRaceTests() => _factory = _gate.Host();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_answer_graded_before_a_report_and_written_after_it_loses_its_points()
    {
        var (client, sessionId, questionId, key) = await ServedAsync();
        var paused = _gate.PauseNext();
        var answer = client.AnswerAsync(sessionId, questionId, key);
        await paused.Running.WaitAsync(Patience); // read and graded: the question was not reported then

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "wrong-answer" })).StatusCode);
        paused.Release();

        var result = await (await answer.WaitAsync(Patience)).JsonAsync();
        await AssertVoidedAsync(result, sessionId, questionId);
    }

    [Fact]
    public async Task A_report_sent_while_an_answer_is_being_written_waits_for_it_and_voids_its_points()
    {
        var (client, sessionId, questionId, key) = await ServedAsync();
        var held = _gate.HoldNext();
        var answer = client.AnswerAsync(sessionId, questionId, key);
        await held.Running.WaitAsync(Patience); // written, not yet committed

        var report = client.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "wrong-answer" });
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // the report reaches the question's lock and waits there
        held.Release();

        var result = await (await answer.WaitAsync(Patience)).JsonAsync();
        Assert.Equal(HttpStatusCode.Created, (await report.WaitAsync(Patience)).StatusCode);
        Assert.Equal(result.GetProperty("points").GetProperty("total").GetInt32(), result.GetProperty("sessionScore").GetInt32()); // it was not reported when it committed
        var points = result.GetProperty("points").GetProperty("total").GetInt32();
        Assert.Equal((0, points), await PracticeHost.WithDbAsync(_factory, async db => (
            await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Score).SingleAsync(),
            await db.VoidedPoints.Where(v => v.SessionId == sessionId && v.QuestionId == questionId).Select(v => v.Points).SingleAsync())));
    }

    private async Task AssertVoidedAsync(System.Text.Json.JsonElement result, Guid sessionId, Guid questionId)
    {
        var points = result.GetProperty("points").GetProperty("total").GetInt32();
        Assert.True(points > 0);
        Assert.Equal(0, result.GetProperty("sessionScore").GetInt32());
        Assert.Equal((0, points), await PracticeHost.WithDbAsync(_factory, async db => (
            await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Score).SingleAsync(),
            await db.VoidedPoints.Where(v => v.SessionId == sessionId && v.QuestionId == questionId).Select(v => v.Points).SingleAsync())));
    }

    /// <summary>A student's first question, served (so she may report it), with its right answer.</summary>
    private async Task<(HttpClient Client, Guid SessionId, Guid QuestionId, string Key)> ServedAsync()
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync();
        var sessionId = (await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync()).GetProperty("id").GetGuid();
        var next = await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
        var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
        return (client, sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId));
    }
}
