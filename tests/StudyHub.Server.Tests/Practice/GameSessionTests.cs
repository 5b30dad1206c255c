using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

public sealed class GameSessionTests : IDisposable
{
    private readonly FakeHomework _homework = new();
    private readonly StudyHubFactory _factory;

    public GameSessionTests() => _factory = PracticeHost.Create(_homework);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_plays_a_whole_skill_game_and_never_sees_an_answer_before_answering()
    {
        var (client, sessionId, game) = await StartAsync(questionCount: 4);
        Assert.DoesNotContain("answerKey", game.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, game.GetProperty("questions").GetArrayLength());

        var total = 0;
        for (var i = 0; i < 4; i++)
        {
            var next = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
            foreach (var secret in new[] { "answerKey", "answerText", "correctAnswer", "explanation" })
            {
                Assert.DoesNotContain(secret, next.GetRawText(), StringComparison.OrdinalIgnoreCase);
            }

            var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
            var result = await (await client.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();
            Assert.True(result.GetProperty("correct").GetBoolean());
            Assert.Equal(i + 1, result.GetProperty("answerStreak").GetInt32());
            Assert.NotNull(result.GetProperty("correctAnswer").GetString());
            total += result.GetProperty("points").GetProperty("total").GetInt32();
            Assert.Equal(total, result.GetProperty("sessionScore").GetInt32());
        }

        var done = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("question").ValueKind);
        Assert.Equal(total, done.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Points_follow_the_server_clock_from_the_first_delivery_and_refetching_does_not_reset_it()
    {
        var (client, sessionId, _) = await StartAsync();
        var first = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        _factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var again = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        Assert.Equal(first.GetProperty("firstDeliveredAt").GetDateTime(), again.GetProperty("firstDeliveredAt").GetDateTime());
        _factory.Clock.Advance(TimeSpan.FromSeconds(5));

        var questionId = first.GetProperty("question").GetProperty("id").GetGuid();
        var limit = first.GetProperty("timeLimitSeconds").GetInt32();
        var result = await (await client.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();

        // 15 s of the limit gone: (100 + 50 × (1 − 15/limit)) + 10 for the first right answer.
        var expected = (int)System.Math.Round(100 + (50 * (1 - (15m / limit))) + 10, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, result.GetProperty("points").GetProperty("total").GetInt32());
        Assert.Equal(10, result.GetProperty("points").GetProperty("streakBonus").GetInt32());
    }

    [Fact]
    public async Task Wrong_attempts_score_nothing_name_no_answer_and_the_third_ends_the_question()
    {
        var (client, sessionId, _) = await StartAsync();
        var (questionId, wrong) = await CurrentQuestionWithWrongAnswerAsync(client, sessionId);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var result = await (await client.AnswerAsync(sessionId, questionId, wrong)).JsonAsync();
            Assert.False(result.GetProperty("correct").GetBoolean());
            Assert.Equal(0, result.GetProperty("points").GetProperty("total").GetInt32());
            Assert.Equal(3 - attempt, result.GetProperty("attemptsLeft").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("feedback").GetString()));
            if (attempt < 3)
            {
                Assert.Equal(JsonValueKind.Null, result.GetProperty("correctAnswer").ValueKind);
                Assert.Equal(JsonValueKind.Null, result.GetProperty("explanation").ValueKind);
            }
            else
            {
                Assert.True(result.GetProperty("questionEnded").GetBoolean());
                Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("correctAnswer").GetString()));
            }
        }

        (await client.AnswerAsync(sessionId, questionId, wrong)).Dispose();
        var afterEnd = await client.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId));
        await afterEnd.AssertProblemAsync(HttpStatusCode.Conflict, "question_ended");
        var session = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        Assert.Equal(0, session.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task A_retried_answer_returns_the_same_result_and_is_never_scored_twice()
    {
        var (client, sessionId, _) = await StartAsync();
        var next = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();
        var answer = await PracticeHost.AnswerKeyAsync(_factory, questionId);

        var first = await (await client.AnswerAsync(sessionId, questionId, answer, key)).JsonAsync();
        _factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var replay = await (await client.AnswerAsync(sessionId, questionId, answer, key)).JsonAsync();
        Assert.Equal(first.GetRawText(), replay.GetRawText());

        var different = await client.AnswerAsync(sessionId, questionId, answer + "0", key);
        await different.AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");

        var attempts = await PracticeHost.WithDbAsync(_factory, db => db.Attempts.CountAsync());
        Assert.Equal(1, attempts);
        var state = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        Assert.Equal(first.GetProperty("sessionScore").GetInt32(), state.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Each_hint_level_takes_a_quarter_of_the_points()
    {
        var (client, sessionId, _) = await StartAsync();
        var next = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
        Assert.True(next.GetProperty("question").GetProperty("hintLevels").GetInt32() >= 1);

        var hint = await (await client.PostAsJsonAsync($"/api/v1/game-sessions/{sessionId}/hints", new { questionId })).JsonAsync();
        Assert.Equal(1, hint.GetProperty("level").GetInt32());
        Assert.Equal(75, hint.GetProperty("pointsPercent").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(hint.GetProperty("text").GetString()));
        var refetched = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        Assert.Equal(1, refetched.GetProperty("hintsRevealed").GetArrayLength());

        var result = await (await client.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();
        Assert.Equal(120, result.GetProperty("points").GetProperty("total").GetInt32()); // (150 + 10) × 0.75 at t = 0
        var logged = await PracticeHost.WithDbAsync(_factory, db => db.LearningEvents.SingleAsync(e => e.QuestionId == questionId && e.Kind == StudyHub.Practice.Domain.LearningEventKind.AnswerAttempted));
        Assert.Equal(1, logged.HintsUsed);
    }

    [Fact]
    public async Task Every_attempt_is_logged_and_published_through_the_outbox()
    {
        var (client, sessionId, _) = await StartAsync();
        var (questionId, wrong) = await CurrentQuestionWithWrongAnswerAsync(client, sessionId);
        _factory.Clock.Advance(TimeSpan.FromSeconds(4));
        await (await client.AnswerAsync(sessionId, questionId, wrong)).JsonAsync();
        await (await client.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();

        var events = await PracticeHost.WithDbAsync(_factory, db => db.Set<Job>().Where(j => j.Kind == IntegrationEvents.KindOf<QuestionAnswered>()).ToListAsync());
        var published = events.Select(j => JsonSerializer.Deserialize<QuestionAnswered>(j.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).OrderBy(e => e.Attempt).ToList();
        Assert.Equal([false, true], published.Select(e => e.Correct));
        Assert.Equal([1, 2], published.Select(e => e.Attempt));
        Assert.All(published, e => Assert.Equal("math.linear-equations", e.SkillId));
        Assert.Equal(TimeSpan.FromSeconds(4), published[0].TimeTaken);
        Assert.Equal(sessionId, published[0].GameSessionId);

        var log = await PracticeHost.WithDbAsync(_factory, db => db.LearningEvents.Where(e => e.SessionId == sessionId).Select(e => e.Kind).ToListAsync());
        Assert.Contains(StudyHub.Practice.Domain.LearningEventKind.SessionStarted, log);
        Assert.Contains(StudyHub.Practice.Domain.LearningEventKind.QuestionDelivered, log);
        Assert.Equal(2, log.Count(k => k == StudyHub.Practice.Domain.LearningEventKind.AnswerAttempted));
    }

    [Fact]
    public async Task Bad_answers_are_refused_clearly_and_leave_the_score_alone()
    {
        var (client, sessionId, _) = await StartAsync();
        var next = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
        var answer = await PracticeHost.AnswerKeyAsync(_factory, questionId);

        await (await client.AnswerAsync(sessionId, Guid.NewGuid(), answer)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var huge = await (await client.AnswerAsync(sessionId, questionId, new string('9', 5000))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(huge.FieldErrors("answer"));
        var noKey = await client.PostAsJsonAsync($"/api/v1/game-sessions/{sessionId}/answers", new { questionId, answer });
        await noKey.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        // Another student's session is not found, whatever they send.
        var other = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        await (await other.AnswerAsync(sessionId, questionId, answer)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await other.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        // A question of another game of the same student is not part of this session.
        var (_, otherSession, otherGame) = await StartAsync(client);
        var foreignQuestion = otherGame.GetProperty("questions")[0].GetProperty("id").GetGuid();
        await (await client.AnswerAsync(sessionId, foreignQuestion, "1")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.NotEqual(sessionId, otherSession);

        var state = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        Assert.Equal(0, state.GetProperty("score").GetInt32());
        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.Attempts.CountAsync()));
    }

    [Fact]
    public async Task An_idle_session_is_abandoned_and_cannot_be_answered()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var (client, sessionId, _) = await StartAsync(_factory.CreateClientFor(student));
        var next = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
        _factory.Clock.Advance(TimeSpan.FromMinutes(31));
        client = await PracticeHost.SignInAgainAsync(_factory, student); // the access token expired too

        var late = await client.AnswerAsync(sessionId, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId));
        await late.AssertProblemAsync(HttpStatusCode.Conflict, "session_expired");
        await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).AssertProblemAsync(HttpStatusCode.Conflict, "session_expired");
    }

    [Fact]
    public async Task Who_may_play_401_403_404()
    {
        var (_, _, game) = await StartAsync();
        var gameId = game.GetProperty("id").GetGuid();

        using var anonymous = _factory.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var teacher = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("teacher"));
        await (await teacher.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        var stranger = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        await (await stranger.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await stranger.PostAsJsonAsync("/api/v1/games", new { skillId = "cooking.pasta" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_game_from_homework_uses_its_problems_and_hidden_homework_is_not_found()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var client = _factory.CreateClientFor(student);
        var homeworkId = Guid.NewGuid();
        _homework.Items[homeworkId] = new HomeworkView(homeworkId, student.Id, "Algebra sheet", "math", true,
            [new HomeworkProblemView(Guid.NewGuid(), 1, "1a", "4x-1=11", null, "math", "math.linear-equations", "x = 3", "3")], ["1a) 4x-1=11"]);

        var game = await (await client.PostAsJsonAsync($"/api/v1/homework/{homeworkId}/games", new { questionCount = 3 })).JsonAsync();
        Assert.Equal(homeworkId, game.GetProperty("homeworkId").GetGuid());
        Assert.InRange(game.GetProperty("questions").GetArrayLength(), 1, 3);

        var other = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        await (await other.PostAsJsonAsync($"/api/v1/homework/{homeworkId}/games", new { })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PostAsJsonAsync($"/api/v1/homework/{Guid.NewGuid()}/games", new { })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_daily_quiz_limit_answers_429_with_a_problem()
    {
        using var factory = PracticeHost.Create().With("Practice:QuizzesPerDay", "2");
        var student = await factory.RegisterAndSignInAsync("student");
        var client = factory.CreateClientFor(student);
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync();
        var gameId = game.GetProperty("id").GetGuid();

        await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync();
        await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync();
        var third = await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId });
        await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "quiz_limit");
        Assert.NotNull(third.Headers.RetryAfter);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        client = await PracticeHost.SignInAgainAsync(factory, student);
        await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync();
    }

    private async Task<(HttpClient Client, Guid SessionId, JsonElement Game)> StartAsync(int questionCount = 3) =>
        await StartAsync(_factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student")), questionCount);

    private async Task<(HttpClient Client, Guid SessionId, JsonElement Game)> StartAsync(HttpClient client, int questionCount = 3)
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount })).JsonAsync();
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync();
        Assert.Equal("created", session.GetProperty("state").GetString());
        return (client, session.GetProperty("id").GetGuid(), game);
    }

    private async Task<(Guid QuestionId, string Wrong)> CurrentQuestionWithWrongAnswerAsync(HttpClient client, Guid sessionId)
    {
        var next = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        var question = next.GetProperty("question");
        var questionId = question.GetProperty("id").GetGuid();
        var key = await PracticeHost.AnswerKeyAsync(_factory, questionId);
        var options = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        return (questionId, options.Count > 0 ? options.First(o => o != key) : "x = 12345");
    }
}
