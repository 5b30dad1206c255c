using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

public sealed class BadgeTests : IDisposable
{
    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_first_perfect_game_earns_two_badges_once_each_through_the_outbox()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var client = _factory.CreateClientFor(student);
        await PracticeHost.EnsureJobsTableAsync(_factory);

        var first = await PlayOneQuestionGameAsync(client, right: true);
        Assert.Equal(["first-game", "perfect-game"], first.GetProperty("newBadges").EnumerateArray().Select(b => b.GetProperty("id").GetString()).Order());
        var second = await PlayOneQuestionGameAsync(client, right: true);
        Assert.Equal(0, second.GetProperty("newBadges").GetArrayLength());

        var events = await PracticeHost.WithDbAsync(_factory, db => db.Set<Job>().Where(j => j.Kind == IntegrationEvents.KindOf<BadgeAwarded>()).Select(j => j.Payload).ToListAsync());
        var awarded = events.Select(p => JsonSerializer.Deserialize<BadgeAwarded>(p, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();
        Assert.Equal(["first-game", "perfect-game"], awarded.Select(a => a.BadgeId).Order());
        Assert.All(awarded, a => Assert.Equal(student.Id, a.StudentId));
    }

    [Fact]
    public async Task Five_days_in_a_row_earn_the_5_day_streak_badge()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        await PracticeHost.EnsureJobsTableAsync(_factory);
        JsonElement last = default;
        for (var day = 0; day < 5; day++)
        {
            var client = await PracticeHost.SignInAgainAsync(_factory, student);
            last = await PlayOneQuestionGameAsync(client, right: false);
            _factory.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Contains("streak-5", last.GetProperty("newBadges").EnumerateArray().Select(b => b.GetProperty("id").GetString()));
        var record = await PracticeHost.WithDbAsync(_factory, db => db.Players.SingleAsync(p => p.StudentId == student.Id));
        Assert.Equal(5, record.StreakDays);
    }

    /// <summary>Plays a one-question game to its end; returns the last answer's result.</summary>
    private async Task<JsonElement> PlayOneQuestionGameAsync(HttpClient client, bool right)
    {
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 1 })).JsonAsync();
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync();
        var sessionId = session.GetProperty("id").GetGuid();
        var question = (await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync()).GetProperty("question");
        var questionId = question.GetProperty("id").GetGuid();
        var key = await PracticeHost.AnswerKeyAsync(_factory, questionId);
        var options = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        var wrong = options.Count > 0 ? options.First(o => o != key) : "x = 12345";

        JsonElement result = default;
        for (var attempt = 0; attempt < (right ? 1 : 3); attempt++)
        {
            result = await (await client.AnswerAsync(sessionId, questionId, right ? key : wrong)).JsonAsync();
        }

        Assert.Equal("completed", result.GetProperty("sessionState").GetString());
        return result;
    }
}
