using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Practice.Domain;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>A teacher reviews a game: sees the answers, edits questions (math keys re-checked by the engine), hides one; who may and may not.</summary>
public sealed class TeacherReviewTests : IDisposable
{
    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_teacher_who_made_a_game_sees_its_answers_and_edits_prompts_and_answer_keys_checked_by_the_math_engine()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var client = _factory.CreateClientFor(teacher);
        var gameId = await CreateGameAsync(client, 10);

        var review = await (await client.GetAsync(new Uri($"/api/v1/games/{gameId}/review", UriKind.Relative))).JsonAsync();
        var questions = review.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(10, questions.Count);
        var choice = questions.First(q => q.GetProperty("type").GetString() == "multipleChoice");
        var free = questions.First(q => q.GetProperty("type").GetString() == "freeAnswer");
        var choiceId = choice.GetProperty("id").GetGuid();
        Assert.Equal(await PracticeHost.AnswerKeyAsync(_factory, choiceId), choice.GetProperty("answerKey").GetString());

        // The prompt changes; the options and key are kept when only the prompt is sent.
        var edited = await (await PatchAsync(client, gameId, choiceId, new { prompt = "  Find x: " + choice.GetProperty("math").GetString() + "  " })).JsonAsync();
        Assert.Equal("Find x: " + choice.GetProperty("math").GetString(), edited.GetProperty("prompt").GetString());
        Assert.Equal(choice.GetProperty("answerKey").GetString(), edited.GetProperty("answerKey").GetString());
        Assert.Equal(_factory.Clock.GetUtcNow().UtcDateTime, edited.GetProperty("editedAt").GetDateTime());

        // A distractor as the key: the engine does not accept it.
        var distractor = choice.GetProperty("options").EnumerateArray().First(o => o.GetProperty("id").GetString() != choice.GetProperty("answerKey").GetString());
        var wrongKey = await (await PatchAsync(client, gameId, choiceId, new { answerKey = distractor.GetProperty("id").GetString() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(wrongKey.GetProperty("errors").TryGetProperty("answerKey", out _));

        // Rewording the right option to another right form is fine; making a distractor right too is not.
        var rightText = choice.GetProperty("answerText").GetString()!;
        var options = choice.GetProperty("options").EnumerateArray().Select(o => new { id = o.GetProperty("id").GetString(), text = o.GetProperty("text").GetString() }).ToList();
        var twoRight = options.Select(o => o.id == distractor.GetProperty("id").GetString() ? new { o.id, text = (string?)("  " + rightText) } : o).ToList();
        var duplicate = await (await PatchAsync(client, gameId, choiceId, new { options = twoRight })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(duplicate.GetProperty("errors").TryGetProperty("options", out _));

        // A free answer's key must be a right answer of the problem; another right form of it is accepted.
        var freeId = free.GetProperty("id").GetGuid();
        var badFree = await (await PatchAsync(client, gameId, freeId, new { answerKey = "x = 1000" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badFree.GetProperty("errors").TryGetProperty("answerKey", out _));
        var same = free.GetProperty("answerKey").GetString()!;
        Assert.Equal(same, (await (await PatchAsync(client, gameId, freeId, new { answerKey = same })).JsonAsync()).GetProperty("answerKey").GetString());
        var emptyPrompt = await (await PatchAsync(client, gameId, freeId, new { prompt = "   " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(emptyPrompt.GetProperty("errors").TryGetProperty("prompt", out _));
        var freeOptions = await (await PatchAsync(client, gameId, freeId, new { options = options })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(freeOptions.GetProperty("errors").TryGetProperty("options", out _));

        // Nothing refused was stored.
        var stored = await PracticeHost.WithDbAsync(_factory, db => db.Questions.AsNoTracking().SingleAsync(q => q.Id == choiceId));
        Assert.Equal(choice.GetProperty("answerKey").GetString(), stored.AnswerKey);
        Assert.Equal(options.Select(o => o.text), StudyHub.Practice.Generation.PracticeJson.OptionsOf(stored).Select(o => o.Text));
    }

    [Fact]
    public async Task A_hidden_question_is_not_served_to_new_sessions_and_sessions_in_progress_skip_it()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var studentClient = _factory.CreateClientFor(student);
        await ClassroomAsync(teacherClient, student);
        var gameId = await CreateGameAsync(teacherClient, 3);

        // In progress: the first question is on screen when the teacher hides it.
        var playing = (await (await studentClient.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync()).GetProperty("id").GetGuid();
        var first = (await NextAsync(studentClient, playing)).GetProperty("question").GetProperty("id").GetGuid();
        var hidden = await (await PatchAsync(teacherClient, gameId, first, new { hidden = true })).JsonAsync();
        Assert.True(hidden.GetProperty("hidden").GetBoolean());

        await (await studentClient.AnswerAsync(playing, first, await PracticeHost.AnswerKeyAsync(_factory, first))).AssertProblemAsync(HttpStatusCode.Conflict, "question_hidden");
        var skipped = await NextAsync(studentClient, playing);
        Assert.NotEqual(first, skipped.GetProperty("question").GetProperty("id").GetGuid());

        // The rest of the game completes the session without the hidden question.
        var score = 0;
        for (var next = skipped; next.GetProperty("question").ValueKind != JsonValueKind.Null; next = await NextAsync(studentClient, playing))
        {
            var id = next.GetProperty("question").GetProperty("id").GetGuid();
            var result = await (await studentClient.AnswerAsync(playing, id, await PracticeHost.AnswerKeyAsync(_factory, id))).JsonAsync();
            score = result.GetProperty("sessionScore").GetInt32();
            Assert.NotEqual(first, id);
        }

        var results = await (await studentClient.GetAsync(new Uri($"/api/v1/game-sessions/{playing}", UriKind.Relative))).JsonAsync();
        Assert.Equal(("completed", 2, score), (results.GetProperty("state").GetString(), results.GetProperty("questionCount").GetInt32(), results.GetProperty("score").GetInt32()));

        // A new session counts and serves two questions only; showing it again brings it back.
        var fresh = await (await studentClient.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync();
        Assert.Equal(2, fresh.GetProperty("questionCount").GetInt32());
        Assert.NotEqual(first, (await NextAsync(studentClient, fresh.GetProperty("id").GetGuid())).GetProperty("question").GetProperty("id").GetGuid());
        Assert.False((await (await PatchAsync(teacherClient, gameId, first, new { hidden = false })).JsonAsync()).GetProperty("hidden").GetBoolean());
        Assert.Equal(3, (await (await studentClient.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync()).GetProperty("questionCount").GetInt32());
    }

    [Fact]
    public async Task Students_parents_other_teachers_and_anonymous_callers_may_not_review_and_a_students_teacher_may()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var other = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var otherClient = _factory.CreateClientFor(other);
        using var studentClient = _factory.CreateClientFor(student);
        using var parentClient = _factory.CreateClientFor(parent);
        using var anonymous = _factory.CreateClient();
        var gameId = await CreateGameAsync(teacherClient, 2);
        var questionId = await PracticeHost.WithDbAsync(_factory, db => db.Questions.Where(q => q.GameId == gameId).Select(q => q.Id).FirstAsync());

        foreach (var (caller, status, code) in new (HttpClient, HttpStatusCode, string?)[]
        {
            (anonymous, HttpStatusCode.Unauthorized, null),
            (studentClient, HttpStatusCode.Forbidden, "forbidden_role"),
            (parentClient, HttpStatusCode.Forbidden, "forbidden_role"),
            (otherClient, HttpStatusCode.NotFound, "not_found"),
        })
        {
            await (await caller.GetAsync(new Uri($"/api/v1/games/{gameId}/review", UriKind.Relative))).AssertProblemAsync(status, code);
            await (await PatchAsync(caller, gameId, questionId, new { prompt = "Hacked" })).AssertProblemAsync(status, code);
            await (await caller.PostAsJsonAsync($"/api/v1/games/{gameId}/questions/{questionId}/resolution", new { resolution = "fine" })).AssertProblemAsync(status, code);
        }

        // A question id of another game is missing, and so is an invented game.
        var otherGame = await CreateGameAsync(otherClient, 1);
        var foreignQuestion = await PracticeHost.WithDbAsync(_factory, db => db.Questions.Where(q => q.GameId == otherGame).Select(q => q.Id).FirstAsync());
        await (await PatchAsync(teacherClient, gameId, foreignQuestion, new { prompt = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await teacherClient.GetAsync(new Uri($"/api/v1/games/{Guid.NewGuid()}/review", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain(await PracticeHost.WithDbAsync(_factory, db => db.Questions.Select(q => q.Prompt).ToListAsync()), p => p is "Hacked" or "x");

        // A student's own game is reviewed by their teacher (and by no other).
        await ClassroomAsync(teacherClient, student);
        var studentGame = await CreateGameAsync(studentClient, 1);
        Assert.Equal(HttpStatusCode.OK, (await teacherClient.GetAsync(new Uri($"/api/v1/games/{studentGame}/review", UriKind.Relative))).StatusCode);
        await (await otherClient.GetAsync(new Uri($"/api/v1/games/{studentGame}/review", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_review_page_lists_answers_and_reports_and_saves_an_edit_with_errors_next_to_the_field()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student", displayName: "Ada Student");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var studentClient = _factory.CreateClientFor(student);
        var classroomId = await ClassroomAsync(teacherClient, student);
        var gameId = await CreateGameAsync(teacherClient, 2);
        var session = (await (await studentClient.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync()).GetProperty("id").GetGuid();
        var questionId = (await NextAsync(studentClient, session)).GetProperty("question").GetProperty("id").GetGuid();
        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync($"/api/v1/questions/{questionId}/reports", new { reason = "typo", comment = "teh" }));

        using var browser = await WebBrowser.SignedInAsync(_factory, teacher);
        var classPage = await browser.GetPageAsync($"/classrooms/{classroomId}/games");
        Assert.Contains($"href=\"/games/{gameId}/review\"", classPage, StringComparison.Ordinal);
        Assert.Contains("1 open report", classPage, StringComparison.Ordinal);

        var page = await browser.GetPageAsync($"/games/{gameId}/review");
        Assert.Contains("Ada Student", page, StringComparison.Ordinal);
        Assert.Contains("<q>teh</q>", page, StringComparison.Ordinal);
        Assert.Contains("Points voided", page, StringComparison.Ordinal);
        var key = await PracticeHost.AnswerKeyAsync(_factory, questionId);

        var empty = await browser.PostAsync($"/games/{gameId}/review", "review", WebBrowser.AntiforgeryToken(page), new()
        {
            ["action"] = $"save:{questionId}", [$"prompt-{questionId}"] = " ", [$"key-{questionId}"] = key,
        });
        var refused = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains($"aria-describedby=\"prompt-{questionId}-error\"", refused, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"prompt-{questionId}-error\" class=\"field-error\">", refused, StringComparison.Ordinal);

        var fine = await browser.PostAsync($"/games/{gameId}/review", "review", WebBrowser.AntiforgeryToken(page), new() { ["action"] = $"fine:{questionId}" });
        Assert.Equal($"/games/{gameId}/review?done=fine&question=1", WebBrowser.RedirectPath(fine));
        var after = await browser.GetPageAsync(WebBrowser.RedirectPath(fine));
        Assert.Contains("points are back", after, StringComparison.Ordinal);
        Assert.Equal(ReportResolution.Fine, await PracticeHost.WithDbAsync(_factory, db => db.QuestionReports.Select(r => r.Resolution).SingleAsync()));
    }

    internal static Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid gameId, Guid questionId, object body) =>
        client.PatchAsJsonAsync($"/api/v1/games/{gameId}/questions/{questionId}", body);

    private static async Task<JsonElement> NextAsync(HttpClient client, Guid sessionId) =>
        await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();

    private async Task<Guid> CreateGameAsync(HttpClient client, int questionCount)
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        return (await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount })).JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> ClassroomAsync(HttpClient teacherClient, params TestAccount[] students)
    {
        var created = await (await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Algebra", subject = "Math", grade = "8", timeZone = "UTC" })).JsonAsync();
        foreach (var student in students)
        {
            using var client = _factory.CreateClientFor(student);
            await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/classrooms/join", new { code = created.GetProperty("joinCode").GetString() }));
        }

        return created.GetProperty("id").GetGuid();
    }
}
