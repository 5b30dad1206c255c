using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Server.Tests.Identity;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Progress;

/// <summary>Answers (delivered as the job runner delivers the practice module's events) turning into what students, teachers and parents see.</summary>
public sealed class ProgressApiTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Three_right_first_answers_master_a_skill_and_mostly_wrong_answers_make_a_weak_spot()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        // Fractions: right, right, right at the first attempt (docs/progress.md's worked example: 0.66, 0.9127, 0.9823).
        for (var i = 0; i < 3; i++)
        {
            await AnswerAsync(student.Id, "math.fractions", Guid.NewGuid(), correct: true);
        }

        // Linear equations: 5 questions, 2 right; the wrong ones took a second attempt.
        for (var i = 0; i < 5; i++)
        {
            var question = Guid.NewGuid();
            await AnswerAsync(student.Id, "math.linear-equations", question, correct: i < 2, seconds: 15);
            if (i >= 2)
            {
                await AnswerAsync(student.Id, "math.linear-equations", question, correct: true, attempt: 2, seconds: 24);
            }
        }

        var progress = await client.GetFromJsonAsync<StudentProgress>($"/api/v1/students/{student.Id}/progress");

        var fractions = progress!.Skills.Single(s => s.SkillId == "math.fractions");
        Assert.Equal(0.9823, fractions.Mastery, 4);
        Assert.True(fractions.Mastered);
        Assert.Equal(0.9823 - 0.25, fractions.Trend, 4); // all of it this week, from the prior
        Assert.Equal(1.0, fractions.Accuracy);

        var linear = progress.Skills.Single(s => s.SkillId == "math.linear-equations");
        Assert.False(linear.Mastered);
        Assert.Equal(0.4, linear.Accuracy);

        // g = 0.6, a = (8/5 − 1)/2 = 0.3, t = median(15,15,24,24,24)/30 = 0.8; no exam: /0.85.
        var weak = Assert.Single(progress.WeakSpots);
        Assert.Equal("math.linear-equations", weak.SkillId);
        Assert.Equal(System.Math.Round(100 * (0.5 * 0.6 + 0.2 * 0.3 + 0.15 * 0.8) / 0.85, 2), weak.Priority);
        Assert.Equal("practice-game", weak.Action);

        // With the catalogue, linear equations wait for their prerequisites: the recommendation is
        // the least-known maths skill that is ready, never one of a subject the student doesn't practise.
        var next = progress.Recommendation!;
        Assert.StartsWith("math.", next.SkillId, StringComparison.Ordinal);
        Assert.NotEqual("math.linear-equations", next.SkillId);
        Assert.Equal(("next-on-the-path", "practice-game"), (next.Reason, next.Action));
        Assert.True(next.Mastery < 0.95);
        Assert.Equal((8, 1), (progress.QuestionsAnswered, progress.SkillsMastered));
        Assert.Equal(new SubjectAccuracy("math", 8, 0.625), Assert.Single(progress.AccuracyBySubject));
    }

    [Fact]
    public async Task A_redelivered_event_a_later_attempt_and_a_hint_never_count_as_right_evidence()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var question = Guid.NewGuid();

        var first = await AnswerAsync(student.Id, "math.fractions", question, correct: true);
        await DeliverAsync(first);                                                             // the job retried
        await AnswerAsync(student.Id, "math.fractions", question, correct: true, attempt: 2);  // not evidence
        await AnswerAsync(student.Id, "math.fractions", Guid.NewGuid(), correct: true, hints: 1); // counts as wrong

        var fractions = (await client.GetFromJsonAsync<StudentProgress>($"/api/v1/students/{student.Id}/progress"))!.Skills.Single();

        // 0.66 after the right answer, then a wrong one: (0.066 + 0.272·0.15) / 0.338.
        Assert.Equal((0.066 + 0.272 * 0.15) / 0.338, fractions.Mastery, 4);
        Assert.Equal(2, fractions.Answered);
        Assert.Equal(0.5, fractions.Accuracy);
    }

    [Fact]
    public async Task A_second_attempt_delivered_before_the_first_still_counts_the_question_as_wrong_once()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var question = Guid.NewGuid();

        await AnswerAsync(student.Id, "math.fractions", question, correct: true, attempt: 2);
        await AnswerAsync(student.Id, "math.fractions", question, correct: false, attempt: 1);

        var fractions = (await client.GetFromJsonAsync<StudentProgress>($"/api/v1/students/{student.Id}/progress"))!.Skills.Single();
        Assert.Equal(0.184, fractions.Mastery, 4);
        Assert.Equal(0.0, fractions.Accuracy);
    }

    [Fact]
    public async Task The_trend_is_the_change_over_the_last_seven_days()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        await AnswerAsync(student.Id, "math.fractions", Guid.NewGuid(), correct: true); // 0.66, ten days ago

        _factory.Clock.Advance(TimeSpan.FromDays(10));
        await AnswerAsync(student.Id, "math.fractions", Guid.NewGuid(), correct: true); // 0.9127 today

        // Ten days on, the first sign-in's tokens have expired: sign in again.
        using var anonymous = _factory.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password });
        await ApiClient.EnsureSuccessAsync(login);
        var accessToken = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        using var client = _factory.CreateClientFor(student with { AccessToken = accessToken });

        var fractions = (await client.GetFromJsonAsync<StudentProgress>($"/api/v1/students/{student.Id}/progress"))!.Skills.Single();
        Assert.Equal(302.1 / 331 - 0.66, fractions.Trend, 4);
    }

    [Fact]
    public async Task A_teacher_sees_the_class_matrix_who_needs_help_and_the_weakest_skills()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var ada = await _factory.RegisterAndSignInAsync("student", displayName: "Ada");
        var ben = await _factory.RegisterAndSignInAsync("student", displayName: "Ben");
        using var teacherClient = _factory.CreateClientFor(teacher);
        var classroom = await JoinNewClassroomAsync(_factory, teacherClient, ada, ben);

        for (var i = 0; i < 3; i++)
        {
            await AnswerAsync(ada.Id, "math.fractions", Guid.NewGuid(), correct: true);
        }

        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(ben.Id, "math.linear-equations", Guid.NewGuid(), correct: i == 0);
        }

        var view = await teacherClient.GetFromJsonAsync<ClassroomProgress>($"/api/v1/classrooms/{classroom.Id}/progress");

        Assert.Equal(["math.fractions", "math.linear-equations"], view!.Skills);
        Assert.Equal(["Ada", "Ben"], view.Students.Select(s => s.DisplayName));
        Assert.Equal([0.9823, null], view.Students[0].Mastery.Select(m => m is { } v ? System.Math.Round(v, 4) : (double?)null));
        Assert.Null(view.Students[1].Mastery[0]);
        Assert.Equal((1, 0), (view.Students[0].SkillsMastered, view.Students[0].WeakSpots));

        var help = Assert.Single(view.NeedsHelp);
        Assert.Equal((ben.Id, "math.linear-equations"), (help.StudentId, help.TopSkillId));
        Assert.Equal("math.linear-equations", view.WeakestSkills[0].SkillId);
        Assert.Equal((1, 0, 1), (view.WeakestSkills[0].StudentsPractised, view.WeakestSkills[0].StudentsMastered, view.WeakestSkills[0].StudentsWeak));
    }

    [Fact]
    public async Task A_linked_parent_sees_their_childs_progress()
    {
        var child = await _factory.RegisterAndSignInAsync("student");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var childClient = _factory.CreateClientFor(child);
        using var parentClient = _factory.CreateClientFor(parent);
        await LinkAsync(childClient, parentClient);
        await AnswerAsync(child.Id, "math.fractions", Guid.NewGuid(), correct: true);

        var progress = await parentClient.GetFromJsonAsync<StudentProgress>($"/api/v1/students/{child.Id}/progress");

        Assert.Equal(0.66, Assert.Single(progress!.Skills).Mastery, 4);
    }

    internal static async Task<ClassroomTests.Classroom> JoinNewClassroomAsync(StudyHubFactory factory, HttpClient teacherClient, params TestAccount[] students)
    {
        var classroom = await ClassroomTests.CreateClassroomAsync(teacherClient);
        foreach (var student in students)
        {
            using var client = factory.CreateClientFor(student);
            await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));
        }

        return classroom;
    }

    internal static async Task LinkAsync(HttpClient childClient, HttpClient parentClient)
    {
        var code = await (await childClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<ParentalConsentTests.LinkCode>();
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code = code!.Code }));
    }

    private Task<QuestionAnswered> AnswerAsync(Guid studentId, string skillId, Guid questionId, bool correct, int attempt = 1, int hints = 0, double seconds = 10) =>
        AnswerAsync(_factory, studentId, skillId, questionId, correct, attempt, hints, seconds);

    private Task DeliverAsync(QuestionAnswered answer) => DeliverAsync(_factory, answer);

    internal static async Task<QuestionAnswered> AnswerAsync(StudyHubFactory factory, Guid studentId, string skillId, Guid questionId, bool correct, int attempt = 1, int hints = 0, double seconds = 10)
    {
        var answer = new QuestionAnswered(Guid.NewGuid(), studentId, skillId, questionId, GameSessionId: null, correct, attempt, hints,
            TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(30), factory.Clock.GetUtcNow().UtcDateTime);
        await DeliverAsync(factory, answer);
        return answer;
    }

    /// <summary>Delivers an event as the job runner does: to every registered handler of it, in a fresh scope.</summary>
    internal static async Task DeliverAsync<TEvent>(StudyHubFactory factory, TEvent integrationEvent)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<IIntegrationEventHandler<TEvent>>().ToList();
        Assert.NotEmpty(handlers);
        foreach (var handler in handlers)
        {
            await handler.HandleAsync(integrationEvent, CancellationToken.None);
        }
    }

    internal sealed record SkillProgress(string SkillId, double Mastery, bool Mastered, double Trend, int Answered, double? Accuracy);

    internal sealed record WeakSpot(string SkillId, double Priority, string Action);

    internal sealed record Recommendation(string SkillId, string Reason, double Mastery, string Action, Guid? MaterialId);

    internal sealed record SubjectAccuracy(string Subject, int Answered, double Accuracy);

    internal sealed record StudentProgress(List<SkillProgress> Skills, List<SubjectAccuracy> AccuracyBySubject, List<WeakSpot> WeakSpots, Recommendation? Recommendation, int QuestionsAnswered, int SkillsMastered);

    internal sealed record Row(Guid StudentId, string DisplayName, List<double?> Mastery, int SkillsMastered, int WeakSpots);

    internal sealed record Help(Guid StudentId, string TopSkillId, double TopPriority);

    internal sealed record ClassSkill(string SkillId, int StudentsPractised, double MeanMastery, int StudentsMastered, int StudentsWeak);

    internal sealed record ClassroomProgress(List<string> Skills, List<Row> Students, List<Help> NeedsHelp, List<ClassSkill> WeakestSkills);
}
