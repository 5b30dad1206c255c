using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Teach the AI through HTTP and the play page: find the classmate's wrong step, explain the fix, scored on both.</summary>
public sealed class TeachTheAiTests : IDisposable
{
    /// <summary>A good explanation per misconception the generator plants (the rubric's cues, in a student's words).</summary>
    private static readonly Dictionary<string, string> GoodExplanations = new()
    {
        ["SignErrorMovingTerm"] = "When the number moves to the other side its sign changes, so subtract it.",
        ["DividedTheWrongWay"] = "Divide the right side by the number in front of x; the numbers are the wrong way round.",
        ["ForgotToFlipInequality"] = "Dividing by a negative number flips the inequality sign.",
        ["SignErrorInFactors"] = "The factors have the wrong signs in the brackets.",
        ["ScaledDenominatorsOnly"] = "Multiply the numerators by the same number as the denominators.",
        ["AddedNumeratorsAndDenominators"] = "Only add the numerators; the denominator stays the same.",
    };

    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_wrong_step_scores_nothing_and_the_right_step_with_a_full_explanation_scores_the_whole_formula()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var (sessionId, question) = await PlayingAsync(client, "math.linear-equations");
        Assert.Equal("teachTheAi", question.GetProperty("type").GetString());
        var questionId = question.GetProperty("id").GetGuid();
        var (key, misconception) = await KeyAsync(questionId);
        var wrongStep = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).First(id => id != key);

        var missing = await (await AnswerAsync(client, sessionId, questionId, key, null)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("explanation", out _));

        var wrong = await (await AnswerAsync(client, sessionId, questionId, wrongStep, GoodExplanations[misconception])).JsonAsync();
        Assert.Equal((false, 0m, 2, false, 0), (wrong.GetProperty("correct").GetBoolean(), wrong.GetProperty("fraction").GetDecimal(), wrong.GetProperty("attemptsLeft").GetInt32(),
            wrong.GetProperty("questionEnded").GetBoolean(), wrong.GetProperty("points").GetProperty("total").GetInt32()));

        var right = await (await AnswerAsync(client, sessionId, questionId, key, GoodExplanations[misconception])).JsonAsync();
        Assert.Equal((true, 1m, true), (right.GetProperty("correct").GetBoolean(), right.GetProperty("fraction").GetDecimal(), right.GetProperty("questionEnded").GetBoolean()));

        // Second attempt, no time passed: (100 + 50) / 2 + streak 10 = 85.
        Assert.Equal(85, right.GetProperty("points").GetProperty("total").GetInt32());
        Assert.NotNull(right.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task The_right_step_with_a_vague_explanation_ends_the_question_with_half_the_points_and_says_what_was_missing()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var (sessionId, question) = await PlayingAsync(client, "math.fractions");
        var questionId = question.GetProperty("id").GetGuid();
        var (key, _) = await KeyAsync(questionId);

        var result = await (await AnswerAsync(client, sessionId, questionId, key, "That step is wrong.", "vague-1")).JsonAsync();
        Assert.Equal((false, 0.5m, true, 0), (result.GetProperty("correct").GetBoolean(), result.GetProperty("fraction").GetDecimal(),
            result.GetProperty("questionEnded").GetBoolean(), result.GetProperty("answerStreak").GetInt32()));
        Assert.Equal(75, result.GetProperty("points").GetProperty("total").GetInt32());
        Assert.StartsWith("You found the mistake. To teach it fully, say ", result.GetProperty("feedback").GetString(), StringComparison.Ordinal);

        // The explanation is part of the request: resent, the same result; another explanation under the same key, 409.
        var again = await (await AnswerAsync(client, sessionId, questionId, key, "That step is wrong.", "vague-1")).JsonAsync();
        Assert.Equal(result.GetRawText(), again.GetRawText());
        await (await AnswerAsync(client, sessionId, questionId, key, "Multiply the numerators too.", "vague-1")).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        Assert.Equal(75, await PracticeHost.WithDbAsync(_factory, db => db.Sessions.Select(s => s.Score).SingleAsync()));
    }

    [Fact]
    public async Task The_play_page_shows_the_steps_and_an_explanation_box_and_scores_the_posted_answer()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var (sessionId, question) = await PlayingAsync(client, "math.linear-equations");
        var questionId = question.GetProperty("id").GetGuid();
        var (key, misconception) = await KeyAsync(questionId);
        using var browser = await WebBrowser.SignedInAsync(_factory, student);

        var page = await browser.GetPageAsync($"/play/{sessionId}");
        Assert.Contains("<label for=\"explanation\">Explain to Sam what went wrong and how to fix it</label>", page, StringComparison.Ordinal);
        Assert.Contains("_content/StudyHub.Practice/speech-input.js", page, StringComparison.Ordinal);
        Assert.Contains("data-speech-for=\"explanation\"", page, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"explanation\"[^>]*></textarea>", page);
        Assert.DoesNotContain("answer-error", page, StringComparison.Ordinal);
        var attempt = WebBrowser.InputValue(page, "attempt");

        // No explanation: the error sits next to the explanation box, which names it.
        var unexplained = await browser.PostAsync($"/play/{sessionId}", "answer", WebBrowser.AntiforgeryToken(page), new()
        {
            ["question"] = questionId.ToString(), ["attempt"] = attempt, ["answer"] = key, ["explanation"] = " ",
        });
        var refused = await unexplained.Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"answer-error\" class=\"field-error\">Explain to your classmate", refused, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"answer-error explanation-hint\"", refused, StringComparison.Ordinal);

        var posted = await browser.PostAsync($"/play/{sessionId}", "answer", WebBrowser.AntiforgeryToken(page), new()
        {
            ["question"] = questionId.ToString(), ["attempt"] = attempt, ["answer"] = key, ["explanation"] = GoodExplanations[misconception],
        });
        var outcome = await browser.GetPageAsync(WebBrowser.RedirectPath(posted));
        Assert.Contains("Right!", outcome, StringComparison.Ordinal);
        Assert.Equal(1, await PracticeHost.WithDbAsync(_factory, db => db.Attempts.CountAsync(a => a.QuestionId == questionId && a.FractionPermille == 1000)));
    }

    [Fact]
    public async Task Making_a_game_needs_a_known_skill_and_a_sensible_size_and_a_parent_may_not()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var client = _factory.CreateClientFor(student);
        using var parentClient = _factory.CreateClientFor(parent);
        using var anonymous = _factory.CreateClient();
        var body = new { skillId = "math.linear-equations", questionCount = 2 };

        await (await anonymous.PostAsJsonAsync("/api/v1/games/teach-the-ai", body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await parentClient.PostAsJsonAsync("/api/v1/games/teach-the-ai", body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        var unknown = await (await client.PostAsJsonAsync("/api/v1/games/teach-the-ai", new { skillId = "poetry" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("skillId", out _));
        var tooMany = await (await client.PostAsJsonAsync("/api/v1/games/teach-the-ai", new { skillId = "math.fractions", questionCount = 11 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("questionCount", out _));

        var game = await (await client.PostAsJsonAsync("/api/v1/games/teach-the-ai", body)).JsonAsync();
        var questions = game.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(2, questions.Count);
        Assert.All(questions, q => Assert.Equal("teachTheAi", q.GetProperty("type").GetString()));
        Assert.All(questions, q => Assert.DoesNotContain("answerKey", q.GetRawText(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, questions.Select(q => q.GetProperty("math").GetString()).Distinct().Count());
    }

    private async Task<(Guid SessionId, JsonElement Question)> PlayingAsync(HttpClient client, string skillId)
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var game = await (await client.PostAsJsonAsync("/api/v1/games/teach-the-ai", new { skillId, questionCount = 1 })).JsonAsync();
        var sessionId = (await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync()).GetProperty("id").GetGuid();
        var next = await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
        Assert.Equal(120, next.GetProperty("timeLimitSeconds").GetInt32());
        return (sessionId, next.GetProperty("question"));
    }

    private Task<(string Key, string Misconception)> KeyAsync(Guid questionId) =>
        PracticeHost.WithDbAsync(_factory, async db =>
        {
            var question = await db.Questions.AsNoTracking().SingleAsync(q => q.Id == questionId);
            return (question.AnswerKey, question.Misconception!);
        });

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, Guid sessionId, Guid questionId, string answer, string? explanation, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/game-sessions/{sessionId}/answers")
        {
            Content = JsonContent.Create(new { questionId, answer, explanation }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
