using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;
using StudyHub.Server.Tests.Practice;

namespace StudyHub.Server.Tests.Progress;

/// <summary>The learning-event log as xAPI 1.0.3 statements: what a play becomes, paging by cursor, and who may read whose.</summary>
public sealed partial class XapiStatementTests : IDisposable
{
    private const string PublicUrl = "https://school.example.org";

    /// <summary>What <see cref="PlayWithHintAndSlowAnswerAsync"/> writes to the practice log: started, 2 × (shown, answered), a hint, a wrong answer, completed.</summary>
    internal const int PlayStatementsWithoutBadges = 8;
    private readonly StudyHubFactory _factory = PracticeHost.Create().With("Xapi:PublicUrl", PublicUrl);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_played_game_becomes_valid_statements_with_adl_verbs_results_and_no_email()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var (sessionId, questionIds) = await PlayWithHintAndSlowAnswerAsync(_factory, client);

        var response = await client.GetAsync(Url($"/api/v1/xapi/statements?student={student.Id}"));
        await ApiClient.EnsureSuccessAsync(response);
        Assert.Equal("1.0.3", Assert.Single(response.Headers.GetValues("X-Experience-API-Version")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(student.Email, body, StringComparison.OrdinalIgnoreCase);
        var page = JsonDocument.Parse(body).RootElement;
        Assert.Equal("", page.GetProperty("more").GetString());
        var statements = page.GetProperty("statements").EnumerateArray().ToList();
        statements.ForEach(AssertValidStatement);

        // The last answer, the completion and the badges it earned (first game, perfect game: both
        // questions ended right) share an instant: within one, the order is by id.
        var verbs = statements.Select(s => s.GetProperty("verb").GetProperty("display").GetProperty("en-US").GetString()).ToList();
        Assert.Equal(["attempted", "experienced", "interacted", "answered", "experienced", "answered"], verbs.Take(6));
        Assert.Equal(["answered", "completed", "earned", "earned"], verbs.Skip(6).Order(StringComparer.Ordinal));
        Assert.All(statements, s =>
        {
            Assert.Equal(PublicUrl, s.GetProperty("actor").GetProperty("account").GetProperty("homePage").GetString());
            Assert.Equal(student.Id.ToString(), s.GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
        });

        // The first answer came 12.5 s after the question, right, after one hint.
        var answered = statements[3];
        Assert.Equal("http://adlnet.gov/expapi/verbs/answered", answered.GetProperty("verb").GetProperty("id").GetString());
        Assert.Equal($"{PublicUrl}/xapi/activities/questions/{questionIds[0]}", answered.GetProperty("object").GetProperty("id").GetString());
        var result = answered.GetProperty("result");
        Assert.True(result.GetProperty("success").GetBoolean());
        Assert.Equal("PT12.5S", result.GetProperty("duration").GetString());
        Assert.Equal(1, result.GetProperty("score").GetProperty("scaled").GetDouble());
        Assert.True(result.GetProperty("score").GetProperty("raw").GetDouble() > 0);
        var context = answered.GetProperty("context");
        Assert.Equal(sessionId, context.GetProperty("registration").GetGuid());
        Assert.Equal($"{PublicUrl}/xapi/activities/sessions/{sessionId}", context.GetProperty("contextActivities").GetProperty("parent")[0].GetProperty("id").GetString());
        Assert.Equal($"{PublicUrl}/xapi/activities/skills/math.linear-equations", context.GetProperty("contextActivities").GetProperty("grouping")[0].GetProperty("id").GetString());
        Assert.Equal(1, context.GetProperty("extensions").GetProperty($"{PublicUrl}/xapi/extensions/hints-used").GetInt32());

        // The second question: wrong at the first attempt, 3 s in.
        Assert.False(statements[5].GetProperty("result").GetProperty("success").GetBoolean());
        Assert.Equal(0, statements[5].GetProperty("result").GetProperty("score").GetProperty("scaled").GetDouble());
        Assert.Equal("PT3S", statements[5].GetProperty("result").GetProperty("duration").GetString());

        var completed = statements.Single(s => s.GetProperty("verb").GetProperty("id").GetString() == "http://adlnet.gov/expapi/verbs/completed");
        Assert.Equal($"{PublicUrl}/xapi/activities/sessions/{sessionId}", completed.GetProperty("object").GetProperty("id").GetString());
        Assert.True(completed.GetProperty("result").GetProperty("completion").GetBoolean());
    }

    [Fact]
    public async Task Paging_by_the_more_link_returns_every_statement_once_even_when_new_ones_arrive_between_pages()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        await PlayWithHintAndSlowAnswerAsync(_factory, client);
        var all = await IdsAsync(client, $"/api/v1/xapi/statements?limit={500}");

        // One at a time: the last answer and the session's completion share an instant, so a page boundary falls inside it.
        var paged = new List<Guid>();
        var next = "/api/v1/xapi/statements?limit=1";
        var played = false;
        while (next.Length > 0)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(Url(next));
            paged.AddRange(page.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
            next = page.GetProperty("more").GetString()!;
            if (!played && paged.Count == 3)
            {
                // New practice after the third page: later pages carry on after the cursor, nothing shifts.
                played = true;
                _factory.Clock.Advance(TimeSpan.FromMinutes(1));
                await PlayWithHintAndSlowAnswerAsync(_factory, client);
            }
        }

        Assert.Equal(all, paged.Take(all.Count));
        Assert.Equal(all.Count + PlayStatementsWithoutBadges, paged.Count); // each badge is earned once: the second play earns none
        Assert.Equal(paged.Count, paged.Distinct().Count());

        // since: only what came after.
        var after = await IdsAsync(client, $"/api/v1/xapi/statements?since={Uri.EscapeDataString(_factory.Clock.GetUtcNow().AddSeconds(-30).ToString("O"))}");
        Assert.Equal(paged.Skip(all.Count), after);
    }

    [Fact]
    public async Task Teachers_parents_and_other_students_see_statements_only_of_their_own_students()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var otherTeacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student");
        var otherStudent = await _factory.RegisterAndSignInAsync("student");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        var unlinkedParent = await _factory.RegisterAndSignInAsync("parent");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var otherTeacherClient = _factory.CreateClientFor(otherTeacher);
        using var studentClient = _factory.CreateClientFor(student);
        using var otherStudentClient = _factory.CreateClientFor(otherStudent);
        using var parentClient = _factory.CreateClientFor(parent);
        using var unlinkedParentClient = _factory.CreateClientFor(unlinkedParent);
        var classroom = await ProgressApiTests.JoinNewClassroomAsync(_factory, teacherClient, student);
        var otherClassroom = await ProgressApiTests.JoinNewClassroomAsync(_factory, otherTeacherClient, otherStudent);
        await ProgressApiTests.LinkAsync(studentClient, parentClient);
        await PlayWithHintAndSlowAnswerAsync(_factory, studentClient);
        await PlayWithHintAndSlowAnswerAsync(_factory, otherStudentClient);
        var studentsStatements = $"/api/v1/xapi/statements?student={student.Id}";

        var own = await IdsAsync(studentClient, "/api/v1/xapi/statements");
        Assert.Equal(PlayStatementsWithoutBadges + 2, own.Count);
        Assert.Equal(own, await IdsAsync(teacherClient, studentsStatements));
        Assert.Equal(own, await IdsAsync(teacherClient, $"/api/v1/xapi/statements?classroom={classroom.Id}"));
        Assert.Equal(own, await IdsAsync(parentClient, studentsStatements));

        // Someone else's student: 404, never a hint that they exist.
        await (await otherStudentClient.GetAsync(Url(studentsStatements))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await otherTeacherClient.GetAsync(Url(studentsStatements))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await unlinkedParentClient.GetAsync(Url(studentsStatements))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await teacherClient.GetAsync(Url($"/api/v1/xapi/statements?classroom={otherClassroom.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await teacherClient.GetAsync(Url($"/api/v1/xapi/statements?classroom={classroom.Id}&student={otherStudent.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        // A class is a teacher's scope only; teachers and parents say whose statements they want.
        await (await studentClient.GetAsync(Url($"/api/v1/xapi/statements?classroom={classroom.Id}"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        (await (await teacherClient.GetAsync(Url("/api/v1/xapi/statements"))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .FieldErrors("student").ShouldMention("required");
        (await (await studentClient.GetAsync(Url("/api/v1/xapi/statements?limit=0&cursor=nonsense"))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .FieldErrors("cursor").ShouldMention("cursor");
        (await (await studentClient.GetAsync(Url("/api/v1/xapi/statements?limit=501"))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .FieldErrors("limit").ShouldMention("between");

        using var anonymous = _factory.CreateClient();
        await (await anonymous.GetAsync(Url("/api/v1/xapi/statements"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// A two-question game: a hint and a right answer 12.5 s after the first question, a wrong then a
    /// right answer to the second. The clock moves between steps so each has its own instant, except
    /// the last answer and the session's completion, which share one. Returns the session and the
    /// questions in the order played.
    /// </summary>
    internal static async Task<(Guid SessionId, List<Guid> QuestionIds)> PlayWithHintAndSlowAnswerAsync(StudyHubFactory factory, HttpClient client)
    {
        await PracticeHost.EnsureJobsTableAsync(factory);
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync();
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync();
        var sessionId = session.GetProperty("id").GetGuid();
        var questions = new List<Guid>();

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var (first, _) = await NextQuestionAsync(factory, client, sessionId);
        questions.Add(first);
        factory.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await (await client.PostAsJsonAsync($"/api/v1/game-sessions/{sessionId}/hints", new { questionId = first })).JsonAsync();
        factory.Clock.Advance(TimeSpan.FromMilliseconds(12_000));
        await (await client.AnswerAsync(sessionId, first, await PracticeHost.AnswerKeyAsync(factory, first))).JsonAsync();

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var (second, wrong) = await NextQuestionAsync(factory, client, sessionId);
        questions.Add(second);
        factory.Clock.Advance(TimeSpan.FromSeconds(3));
        await (await client.AnswerAsync(sessionId, second, wrong)).JsonAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await client.AnswerAsync(sessionId, second, await PracticeHost.AnswerKeyAsync(factory, second))).JsonAsync();

        // The badges travel through the outbox to the log; wait for them so callers see a settled log.
        await factory.SettleJobsAsync(IntegrationEvents.KindOf<BadgeAwarded>());
        return (sessionId, questions);
    }

    /// <summary>The question now asked, and an answer to it that is wrong.</summary>
    private static async Task<(Guid QuestionId, string Wrong)> NextQuestionAsync(StudyHubFactory factory, HttpClient client, Guid sessionId)
    {
        var question = (await (await client.GetAsync(Url($"/api/v1/game-sessions/{sessionId}/next"))).JsonAsync()).GetProperty("question");
        var questionId = question.GetProperty("id").GetGuid();
        var key = await PracticeHost.AnswerKeyAsync(factory, questionId);
        var options = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        return (questionId, options.Count > 0 ? options.First(o => o != key) : "x = 12345");
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string path)
    {
        var page = await (await client.GetAsync(Url(path))).JsonAsync();
        return [.. page.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
    }

    /// <summary>
    /// The xAPI 1.0.3 requirements (Part Two §2.4) on the properties StudyHub writes: a UUID id; an
    /// Agent identified by exactly one inverse functional identifier (here an account with an
    /// absolute home page and a name); a verb with an IRI id and a language map; an Activity object
    /// with an IRI id; a result whose scaled score lies in [−1, 1] and raw score is not below min,
    /// with an ISO 8601 duration; an ISO 8601 timestamp; version 1.0.3; and no null anywhere.
    /// </summary>
    internal static void AssertValidStatement(JsonElement statement)
    {
        AssertNoNulls(statement, "statement");
        Assert.True(Guid.TryParse(statement.GetProperty("id").GetString(), out _));
        Assert.Equal("1.0.3", statement.GetProperty("version").GetString());
        Assert.True(DateTimeOffset.TryParse(statement.GetProperty("timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.EndsWith("Z", statement.GetProperty("timestamp").GetString(), StringComparison.Ordinal);

        var actor = statement.GetProperty("actor");
        Assert.Equal("Agent", actor.GetProperty("objectType").GetString());
        var identifiers = new[] { "mbox", "mbox_sha1sum", "openid", "account" }.Count(p => actor.TryGetProperty(p, out _));
        Assert.Equal(1, identifiers);
        Assert.True(Uri.TryCreate(actor.GetProperty("account").GetProperty("homePage").GetString(), UriKind.Absolute, out _));
        Assert.False(string.IsNullOrEmpty(actor.GetProperty("account").GetProperty("name").GetString()));

        var verb = statement.GetProperty("verb");
        Assert.True(Uri.TryCreate(verb.GetProperty("id").GetString(), UriKind.Absolute, out _));
        Assert.Contains(verb.GetProperty("display").EnumerateObject(), language => language.Name == "en-US");

        var target = statement.GetProperty("object");
        Assert.Equal("Activity", target.GetProperty("objectType").GetString());
        Assert.True(Uri.TryCreate(target.GetProperty("id").GetString(), UriKind.Absolute, out _));
        Assert.True(Uri.TryCreate(target.GetProperty("definition").GetProperty("type").GetString(), UriKind.Absolute, out _));

        if (statement.TryGetProperty("result", out var result))
        {
            if (result.TryGetProperty("score", out var score))
            {
                if (score.TryGetProperty("scaled", out var scaled))
                {
                    Assert.InRange(scaled.GetDouble(), -1, 1);
                }

                if (score.TryGetProperty("raw", out var raw) && score.TryGetProperty("min", out var min))
                {
                    Assert.True(raw.GetDouble() >= min.GetDouble());
                }
            }

            if (result.TryGetProperty("duration", out var duration))
            {
                Assert.Matches(IsoDuration(), duration.GetString()!);
            }
        }

        if (statement.TryGetProperty("context", out var context) && context.TryGetProperty("extensions", out var extensions))
        {
            Assert.All(extensions.EnumerateObject(), e => Assert.True(Uri.TryCreate(e.Name, UriKind.Absolute, out _)));
        }
    }

    private static void AssertNoNulls(JsonElement element, string path)
    {
        Assert.True(element.ValueKind != JsonValueKind.Null, $"{path} is null");
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                AssertNoNulls(property.Value, $"{path}.{property.Name}");
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                AssertNoNulls(item, $"{path}[{i++}]");
            }
        }
    }

    [GeneratedRegex(@"^P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex IsoDuration();

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
