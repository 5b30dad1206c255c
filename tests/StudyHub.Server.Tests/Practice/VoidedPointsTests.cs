using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Features;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>
/// A report voids a question's points everywhere they live (session score, lifetime points, class
/// and global boards) until a teacher resolves it: "fine" gives them back, "fixed" keeps them off.
/// </summary>
public sealed class VoidedPointsTests : IDisposable
{
    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_report_voids_everyones_points_on_the_question_once_and_fine_gives_them_back_everywhere()
    {
        var (teacher, classroomId, gameId, ada, ben) = await ClassPlayedAsync();
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var adaClient = _factory.CreateClientFor(ada);
        using var benClient = _factory.CreateClientFor(ben);
        var questionId = await FirstQuestionAsync(gameId);
        var before = await StandingAsync(benClient, ben, classroomId);
        var earned = await PointsOnAsync(ben, questionId);
        Assert.True(earned > 0);

        Assert.Equal(HttpStatusCode.Created, (await adaClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "wrong-answer" })).StatusCode);
        var voided = await StandingAsync(benClient, ben, classroomId);
        Assert.Equal(before with { Session = before.Session - earned, Lifetime = before.Lifetime - earned, ClassBoard = before.ClassBoard - earned, GlobalBoard = before.GlobalBoard - earned }, voided);
        var results = await (await benClient.GetAsync(new Uri($"/api/v1/game-sessions/{before.SessionId}", UriKind.Relative))).JsonAsync();
        Assert.True(results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("questionId").GetGuid() == questionId).GetProperty("pointsVoided").GetBoolean());

        // Reported again by the same student, and by the other one: nothing is taken twice.
        Assert.Equal(HttpStatusCode.OK, (await adaClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "typo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await benClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "unclear" })).StatusCode);
        Assert.Equal(voided, await StandingAsync(benClient, ben, classroomId));
        Assert.Equal(2, await PracticeHost.WithDbAsync(_factory, db => db.VoidedPoints.CountAsync()));

        var review = await (await teacherClient.GetAsync(new Uri($"/api/v1/games/{gameId}/review", UriKind.Relative))).JsonAsync();
        Assert.Equal(2, review.GetProperty("openReports").GetInt32());
        var openReports = await (await teacherClient.GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/open-reports", UriKind.Relative))).JsonAsync();
        Assert.Equal((gameId, 2, 1), openReports.EnumerateArray().Select(g => (g.GetProperty("gameId").GetGuid(), g.GetProperty("openReports").GetInt32(), g.GetProperty("questionsReported").GetInt32())).Single());

        // The question was fine: every point comes back to every place, and resolving again changes nothing.
        var resolved = await (await ResolveAsync(teacherClient, gameId, questionId, "fine")).JsonAsync();
        Assert.Equal((false, 0, 2), (resolved.GetProperty("pointsVoided").GetBoolean(), resolved.GetProperty("openReports").GetArrayLength(), resolved.GetProperty("resolvedReports").GetInt32()));
        Assert.Equal(before, await StandingAsync(benClient, ben, classroomId));
        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync(teacherClient, gameId, questionId, "fine")).StatusCode);
        Assert.Equal(before, await StandingAsync(benClient, ben, classroomId));
        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.VoidedPoints.CountAsync()));
        Assert.Empty((await (await teacherClient.GetAsync(new Uri($"/api/v1/classrooms/{classroomId}/open-reports", UriKind.Relative))).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Points_of_a_fixed_question_stay_voided_answers_while_it_is_reported_are_voided_at_once_and_answers_after_the_fix_count()
    {
        var (teacher, classroomId, gameId, ada, ben) = await ClassPlayedAsync();
        using var adaClient = _factory.CreateClientFor(ada);
        using var benClient = _factory.CreateClientFor(ben);
        var questionId = await FirstQuestionAsync(gameId);
        var before = await StandingAsync(benClient, ben, classroomId);
        var earned = await PointsOnAsync(ben, questionId);
        Assert.Equal(HttpStatusCode.Created, (await adaClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "wrong-answer" })).StatusCode);

        // Ben replays while the report is open: the reported question scores as usual on screen, but not in the session.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        using var benAgain = await PracticeHost.SignInAgainAsync(_factory, ben);
        using var teacherClient = await PracticeHost.SignInAgainAsync(_factory, teacher);
        var replay = (await (await benAgain.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync()).GetProperty("id").GetGuid();
        var next = await (await benAgain.GetAsync(new Uri($"/api/v1/game-sessions/{replay}/next", UriKind.Relative))).JsonAsync();
        Assert.Equal(questionId, next.GetProperty("question").GetProperty("id").GetGuid());
        var answered = await (await benAgain.AnswerAsync(replay, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();
        Assert.True(answered.GetProperty("points").GetProperty("total").GetInt32() > 0);
        Assert.Equal(0, answered.GetProperty("sessionScore").GetInt32());

        var fixedQuestion = await (await ResolveAsync(teacherClient, gameId, questionId, "fixed")).JsonAsync();
        Assert.False(fixedQuestion.GetProperty("pointsVoided").GetBoolean());
        var after = await StandingAsync(benAgain, ben, classroomId, before.SessionId);
        Assert.Equal((before.Session - earned, before.Lifetime - earned), (after.Session, after.Lifetime));
        Assert.True(await PracticeHost.WithDbAsync(_factory, db => db.VoidedPoints.AllAsync(v => v.Final)));

        // A later report and "fine" cannot bring back points made final by the fix.
        Assert.Equal(HttpStatusCode.Created, (await benAgain.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "other" })).StatusCode);
        await ApiClient.EnsureSuccessAsync(await ResolveAsync(teacherClient, gameId, questionId, "fine"));
        Assert.Equal(before.Session - earned, (await StandingAsync(benAgain, ben, classroomId, before.SessionId)).Session);

        // After the fix, a new answer to the question counts.
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var adaAgain = await PracticeHost.SignInAgainAsync(_factory, ada);
        var fresh = (await (await adaAgain.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync()).GetProperty("id").GetGuid();
        _ = await (await adaAgain.GetAsync(new Uri($"/api/v1/game-sessions/{fresh}/next", UriKind.Relative))).JsonAsync();
        var counted = await (await adaAgain.AnswerAsync(fresh, questionId, await PracticeHost.AnswerKeyAsync(_factory, questionId))).JsonAsync();
        Assert.Equal(counted.GetProperty("points").GetProperty("total").GetInt32(), counted.GetProperty("sessionScore").GetInt32());
    }

    [Fact]
    public async Task A_resolution_needs_a_known_outcome_and_hidden_hides_the_question()
    {
        var (teacher, _, gameId, ada, _) = await ClassPlayedAsync();
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var adaClient = _factory.CreateClientFor(ada);
        var questionId = await FirstQuestionAsync(gameId);
        Assert.Equal(HttpStatusCode.Created, (await adaClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "unclear" })).StatusCode);

        var bad = await (await ResolveAsync(teacherClient, gameId, questionId, "whatever")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("resolution", out _));
        var hidden = await (await ResolveAsync(teacherClient, gameId, questionId, "hidden")).JsonAsync();
        Assert.Equal((true, false), (hidden.GetProperty("hidden").GetBoolean(), hidden.GetProperty("pointsVoided").GetBoolean()));
        Assert.Equal(2, await PracticeHost.WithDbAsync(_factory, db => db.VoidedPoints.CountAsync(v => v.Final)));
    }

    [Fact]
    public async Task The_1000_points_badge_goes_when_voided_points_take_the_total_below_and_comes_back_with_them()
    {
        var (teacher, _, gameId, ada, ben) = await ClassPlayedAsync();
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var adaClient = _factory.CreateClientFor(ada);
        var questionId = await FirstQuestionAsync(gameId);
        var earned = await PointsOnAsync(ben, questionId);

        // Ben crossed 1,000 lifetime points with this game: without its first question he is one point short.
        await PracticeHost.WithDbAsync(_factory, async db =>
        {
            var record = await db.Players.SingleAsync(p => p.StudentId == ben.Id);
            record.TotalPoints = 999 + earned;
            db.BadgeAwards.Add(new BadgeAward { StudentId = ben.Id, BadgeId = "points-1000", AwardedAt = _factory.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Created, (await adaClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "wrong-answer" })).StatusCode);
        Assert.False(await HasBadgeAsync(ben, "points-1000"));

        // Badges about what happened stay: the perfect game was played, whatever its points are worth now.
        Assert.Equal(["first-game", "perfect-game"], await BadgesAsync(ben));
        Assert.Equal(1, await EventsAsync<BadgeRevoked>(ben, "points-1000"));

        await ApiClient.EnsureSuccessAsync(await ResolveAsync(teacherClient, gameId, questionId, "fine"));
        Assert.True(await HasBadgeAsync(ben, "points-1000"));
        Assert.Equal(1, await EventsAsync<BadgeAwarded>(ben, "points-1000"));
        Assert.Equal(["first-game", "perfect-game"], await BadgesAsync(ada));
    }

    private Task<bool> HasBadgeAsync(TestAccount student, string badgeId) =>
        PracticeHost.WithDbAsync(_factory, db => db.BadgeAwards.AnyAsync(b => b.StudentId == student.Id && b.BadgeId == badgeId));

    private Task<List<string>> BadgesAsync(TestAccount student) =>
        PracticeHost.WithDbAsync(_factory, db => db.BadgeAwards.Where(b => b.StudentId == student.Id).Select(b => b.BadgeId).OrderBy(b => b).ToListAsync());

    private async Task<int> EventsAsync<TEvent>(TestAccount student, string badgeId)
    {
        var payloads = await PracticeHost.WithDbAsync(_factory, db => db.Set<Job>().Where(j => j.Kind == IntegrationEvents.KindOf<TEvent>()).Select(j => j.Payload).ToListAsync());
        return payloads.Count(p => p.Contains(student.Id.ToString(), StringComparison.Ordinal) && p.Contains('"' + badgeId + '"', StringComparison.Ordinal));
    }

    private sealed record Standing(Guid SessionId, int Session, int Lifetime, int ClassBoard, int GlobalBoard);

    /// <summary>Where the student's game points live: the session, lifetime points, the class's and the global all-time boards.</summary>
    private async Task<Standing> StandingAsync(HttpClient client, TestAccount student, Guid classroomId, Guid? sessionId = null)
    {
        var session = sessionId ?? await PracticeHost.WithDbAsync(_factory, db => db.Sessions.Where(s => s.StudentId == student.Id).OrderBy(s => s.CreatedAt).Select(s => s.Id).FirstAsync());
        var score = await PracticeHost.WithDbAsync(_factory, db => db.Sessions.Where(s => s.Id == session).Select(s => s.Score).SingleAsync());
        var lifetime = await PracticeHost.WithDbAsync(_factory, db => db.Players.Where(p => p.StudentId == student.Id).Select(p => p.TotalPoints).SingleAsync());
        var classBoard = await client.GetFromJsonAsync<LeaderboardView>($"/api/v1/leaderboards/all-time?classroomId={classroomId}");
        var globalBoard = await client.GetFromJsonAsync<LeaderboardView>("/api/v1/leaderboards/all-time");
        return new Standing(session, score, lifetime, classBoard!.You?.Total ?? 0, globalBoard!.You?.Total ?? 0);
    }

    private Task<int> PointsOnAsync(TestAccount student, Guid questionId) =>
        PracticeHost.WithDbAsync(_factory, db => db.Deliveries
            .Where(d => d.QuestionId == questionId && db.Sessions.Any(s => s.Id == d.SessionId && s.StudentId == student.Id))
            .Select(d => d.Points).FirstAsync());

    private Task<Guid> FirstQuestionAsync(Guid gameId) =>
        PracticeHost.WithDbAsync(_factory, db => db.Questions.Where(q => q.GameId == gameId).OrderBy(q => q.Position).Select(q => q.Id).FirstAsync());

    private static Task<HttpResponseMessage> ResolveAsync(HttpClient client, Guid gameId, Guid questionId, string resolution) =>
        client.PostAsJsonAsync($"/api/v1/games/{gameId}/questions/{questionId}/resolution", new { resolution });

    /// <summary>A teacher's class of two students who both played the teacher's two-question game to the end.</summary>
    private async Task<(TestAccount Teacher, Guid ClassroomId, Guid GameId, TestAccount Ada, TestAccount Ben)> ClassPlayedAsync()
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var ada = await _factory.RegisterAndSignInAsync("student", displayName: "Ada");
        var ben = await _factory.RegisterAndSignInAsync("student", displayName: "Ben");
        using var teacherClient = _factory.CreateClientFor(teacher);
        var created = await (await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Algebra", subject = "Math", grade = "8", timeZone = "UTC" })).JsonAsync();
        foreach (var student in new[] { ada, ben })
        {
            using var client = _factory.CreateClientFor(student);
            await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/classrooms/join", new { code = created.GetProperty("joinCode").GetString() }));
        }

        var gameId = (await (await teacherClient.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync()).GetProperty("id").GetGuid();
        foreach (var student in new[] { ada, ben })
        {
            using var client = _factory.CreateClientFor(student);
            Assert.True(await PracticeHost.PlayWholeGameAsync(_factory, client, gameId) > 0);
        }

        return (teacher, created.GetProperty("id").GetGuid(), gameId, ada, ben);
    }
}
