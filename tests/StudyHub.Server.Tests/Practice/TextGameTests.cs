using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Server.Tests.Content;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Text games through HTTP: pasted prose homework read by the real reader, made into a game, played, and refused bad answers.</summary>
public sealed class TextGameTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.CreateWithRealReader();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Pasted_prose_homework_becomes_a_game_of_match_order_and_choice_questions_that_plays_to_the_end()
    {
        var (client, homeworkId) = await StudentWithHomeworkAsync(TextFixtures.Photosynthesis);
        var game = await (await client.PostAsJsonAsync($"/api/v1/homework/{homeworkId}/games", new { questionCount = 6 })).JsonAsync();
        Assert.DoesNotContain("answerKey", game.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var questions = game.GetProperty("questions").EnumerateArray().ToList();
        Assert.InRange(questions.Count, 4, 6);
        var match = questions.Single(q => q.GetProperty("type").GetString() == "match");
        Assert.Equal(match.GetProperty("options").GetArrayLength(), match.GetProperty("targets").GetArrayLength());
        Assert.Contains(questions, q => q.GetProperty("type").GetString() == "order");
        Assert.Contains(questions, q => q.GetProperty("type").GetString() == "multipleChoice");

        var sessionId = await StartAsync(client, game);
        var score = 0;
        while (await NextAsync(client, sessionId) is { } next)
        {
            var id = next.GetProperty("id").GetGuid();
            var type = next.GetProperty("type").GetString();
            var key = await PracticeHost.AnswerKeyAsync(_factory, id);
            JsonElement result;
            switch (type)
            {
                case "match":
                    // Fully right, sent as a list of pairs: the whole formula and the streak.
                    var pairs = JsonSerializer.Deserialize<Dictionary<string, string>>(key)!.Select(p => new[] { p.Key, p.Value }).Reverse().ToList();
                    result = await (await client.AnswerWithAsync(sessionId, id, pairs)).JsonAsync();
                    Assert.True(result.GetProperty("correct").GetBoolean());
                    Assert.Equal(1m, result.GetProperty("fraction").GetDecimal());
                    Assert.All(result.GetProperty("parts").EnumerateArray(), p => Assert.True(p.GetProperty("right").GetBoolean()));
                    Assert.True(result.GetProperty("answerStreak").GetInt32() >= 1);
                    break;
                case "order":
                    // The first two swapped: (n − 2)/n of the formula, no streak, and the parts say which positions were wrong.
                    var sequence = JsonSerializer.Deserialize<List<string>>(key)!;
                    (sequence[0], sequence[1]) = (sequence[1], sequence[0]);
                    result = await (await client.AnswerWithAsync(sessionId, id, sequence)).JsonAsync();
                    Assert.False(result.GetProperty("correct").GetBoolean());
                    Assert.True(result.GetProperty("questionEnded").GetBoolean());
                    Assert.Equal(System.Math.Round((sequence.Count - 2m) / sequence.Count, 4), result.GetProperty("fraction").GetDecimal());
                    Assert.Equal(0, result.GetProperty("answerStreak").GetInt32());
                    Assert.Equal(0, result.GetProperty("points").GetProperty("streakBonus").GetInt32());
                    Assert.Equal(
                        [false, false, .. Enumerable.Repeat(true, sequence.Count - 2)],
                        result.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("right").GetBoolean()));
                    Assert.Equal($"{sequence.Count - 2} of {sequence.Count} positions right.", result.GetProperty("feedback").GetString());
                    break;
                default:
                    result = await (await client.AnswerAsync(sessionId, id, key)).JsonAsync();
                    Assert.True(result.GetProperty("correct").GetBoolean());
                    Assert.Equal(JsonValueKind.Null, result.GetProperty("parts").ValueKind);
                    break;
            }

            score += result.GetProperty("points").GetProperty("total").GetInt32();
            Assert.Equal(score, result.GetProperty("sessionScore").GetInt32());
        }

        var done = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}")).JsonAsync();
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal(score, done.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Forged_ids_and_wrong_shapes_are_400s_on_the_answer_field_and_score_nothing()
    {
        var (client, homeworkId) = await StudentWithHomeworkAsync(TextFixtures.Grammar);
        var game = await (await client.PostAsJsonAsync($"/api/v1/homework/{homeworkId}/games", new { questionCount = 4 })).JsonAsync();
        var sessionId = await StartAsync(client, game);
        var match = (await NextAsync(client, sessionId))!.Value;
        Assert.Equal("match", match.GetProperty("type").GetString());
        var id = match.GetProperty("id").GetGuid();
        var items = match.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        var targets = match.GetProperty("targets").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();

        object[] bad =
        [
            "a", // a string for a match question
            42,
            new[] { "a", "b" }, // an order-shaped answer
            items.Zip(targets).ToDictionary(p => p.First, p => p.Second).Append(KeyValuePair.Create("zz", targets[0])).ToDictionary(), // a forged item
            items.ToDictionary(i => i, _ => targets[0]), // one target for every item
            items.Skip(1).Zip(targets).ToDictionary(p => p.First, p => p.Second), // an item left out
            items.Zip(targets).ToDictionary(p => p.First, p => p.Second == targets[0] ? "<script>" : p.Second), // a forged target
            new string('x', 600), // a huge answer
        ];
        foreach (var answer in bad)
        {
            var problem = await (await client.AnswerWithAsync(sessionId, id, answer)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").GetProperty("answer").GetArrayLength() >= 1, problem.GetRawText());
        }

        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.Attempts.CountAsync()));
        var state = await (await client.GetAsync($"/api/v1/game-sessions/{sessionId}/next")).JsonAsync();
        Assert.Equal(0, state.GetProperty("score").GetInt32());
        Assert.Equal(1, state.GetProperty("attemptsLeft").GetInt32());

        // The same arrangement under one key replays; another arrangement under that key is a 409.
        var pairing = items.Zip(targets).ToDictionary(p => p.First, p => p.Second);
        var first = await (await client.AnswerWithAsync(sessionId, id, pairing, "key-1")).JsonAsync();
        var replay = await (await client.AnswerWithAsync(sessionId, id, pairing, "key-1")).JsonAsync();
        Assert.Equal(first.GetRawText(), replay.GetRawText());
        var reversed = items.Zip(targets.AsEnumerable().Reverse()).ToDictionary(p => p.First, p => p.Second);
        await (await client.AnswerWithAsync(sessionId, id, reversed, "key-1")).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        await (await client.AnswerWithAsync(sessionId, id, reversed)).AssertProblemAsync(HttpStatusCode.Conflict, "question_ended");
        Assert.Equal(1, await PracticeHost.WithDbAsync(_factory, db => db.Attempts.CountAsync()));
    }

    [Fact]
    public async Task Prose_with_nothing_to_ask_is_a_422_and_another_students_homework_is_not_found()
    {
        var (client, empty) = await StudentWithHomeworkAsync(TextFixtures.NothingToAsk);
        var problem = await (await client.PostAsJsonAsync($"/api/v1/homework/{empty}/games", new { })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "no_questions");
        Assert.Contains("definitions", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (_, history) = await StudentWithHomeworkAsync(TextFixtures.FrenchRevolution);
        await (await client.PostAsJsonAsync($"/api/v1/homework/{history}/games", new { })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_topic_or_a_non_math_skill_plays_the_students_own_homework_about_it()
    {
        var (client, _) = await StudentWithHomeworkAsync(TextFixtures.Photosynthesis);
        var byTopic = await (await client.PostAsJsonAsync("/api/v1/games", new { topic = "chlorophyll", questionCount = 5 })).JsonAsync();
        Assert.InRange(byTopic.GetProperty("questions").GetArrayLength(), 1, 5);
        Assert.Equal("Practice: chlorophyll", byTopic.GetProperty("title").GetString());

        var bySkill = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "biology.photosynthesis", questionCount = 5 })).JsonAsync();
        Assert.Equal("biology.photosynthesis", bySkill.GetProperty("skillId").GetString());

        var missing = await (await client.PostAsJsonAsync("/api/v1/games", new { topic = "volcanoes" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "no_questions");
        Assert.Contains("volcanoes", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.PostAsJsonAsync("/api/v1/games", new { topic = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        // Another student's homework is never searched.
        var stranger = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        await (await stranger.PostAsJsonAsync("/api/v1/games", new { topic = "chlorophyll" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "no_questions");
    }

    private async Task<(HttpClient Client, Guid HomeworkId)> StudentWithHomeworkAsync(string text)
    {
        var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        var accepted = await client.UploadTextAsync(text, "Notes");
        Assert.Null(await _factory.RunReadingJobAsync(accepted.Id));
        return (client, accepted.Id);
    }

    private static async Task<Guid> StartAsync(HttpClient client, JsonElement game)
    {
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync();
        return session.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement?> NextAsync(HttpClient client, Guid sessionId)
    {
        var next = await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
        return next.GetProperty("question") is { ValueKind: JsonValueKind.Object } question ? question : null;
    }
}
