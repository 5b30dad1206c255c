using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>The API's "remove student" hands back an undo token; restoring with it works for one minute, for the class's teacher only.</summary>
public sealed class StudentRemovalUndoApiTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_teacher_removes_a_student_and_restores_them_with_their_original_join_date()
    {
        var (teacher, classroom, student) = await ClassWithStudentAsync();
        using var api = _factory.CreateClientFor(teacher);
        var joinedAt = Assert.Single((await api.GetFromJsonAsync<List<Entry>>(Roster(classroom)))!).JoinedAt;

        // Access tokens last 15 minutes, so the clock moves in seconds; the restore is still 59 s after the join.
        var removal = await RemoveAsync(api, classroom, student);
        Assert.Equal(_factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), removal.UndoUntil);
        Assert.Empty((await api.GetFromJsonAsync<List<Entry>>(Roster(classroom)))!);

        _factory.Clock.Advance(TimeSpan.FromSeconds(59));
        var restored = await api.PostAsJsonAsync(Restore(classroom, student), new { undoToken = removal.UndoToken });

        await ApiClient.EnsureSuccessAsync(restored);
        var entry = (await restored.Content.ReadFromJsonAsync<Entry>())!;
        Assert.Equal((student.Id, "Maya Chen", joinedAt), (entry.StudentId, entry.DisplayName, entry.JoinedAt));
        Assert.Equal(joinedAt, Assert.Single((await api.GetFromJsonAsync<List<Entry>>(Roster(classroom)))!).JoinedAt);
    }

    [Fact]
    public async Task After_a_minute_the_undo_is_refused_with_a_problem_detail()
    {
        var (teacher, classroom, student) = await ClassWithStudentAsync();
        using var api = _factory.CreateClientFor(teacher);
        var removal = await RemoveAsync(api, classroom, student);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var late = await api.PostAsJsonAsync(Restore(classroom, student), new { undoToken = removal.UndoToken });

        var problem = await late.AssertProblemAsync(HttpStatusCode.Conflict, "undo_expired");
        Assert.Contains("more than a minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await api.GetFromJsonAsync<List<Entry>>(Roster(classroom)))!);
    }

    [Fact]
    public async Task Only_the_classes_teacher_may_undo_and_a_token_only_restores_its_own_student()
    {
        var (teacher, classroom, student) = await ClassWithStudentAsync();
        using var api = _factory.CreateClientFor(teacher);
        var removal = await RemoveAsync(api, classroom, student);
        var body = new { undoToken = removal.UndoToken };
        var otherTeacher = await _factory.RegisterAndSignInAsync("teacher");
        using var otherApi = _factory.CreateClientFor(otherTeacher);
        using var studentApi = _factory.CreateClientFor(student);
        using var anonymous = _factory.CreateClient();
        var someoneElse = await _factory.RegisterAndSignInAsync("student");

        await (await anonymous.PostAsJsonAsync(Restore(classroom, student), body)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await studentApi.PostAsJsonAsync(Restore(classroom, student), body)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await otherApi.PostAsJsonAsync(Restore(classroom, student), body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.PostAsJsonAsync(Restore(classroom, someoneElse), body)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.PostAsJsonAsync(Restore(classroom, student), new { undoToken = "forged" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await api.PostAsJsonAsync(Restore(classroom, student), new { undoToken = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(missing.FieldErrors("undoToken"));
        // Another teacher's expired token is still a plain 404: the minute is nobody else's business.
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await (await otherApi.PostAsJsonAsync(Restore(classroom, student), body)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await api.GetFromJsonAsync<List<Entry>>(Roster(classroom)))!);
    }

    private static string Roster(ClassroomTests.Classroom classroom) => $"/api/v1/classrooms/{classroom.Id}/students";

    private static string Restore(ClassroomTests.Classroom classroom, TestAccount student) => $"/api/v1/classrooms/{classroom.Id}/students/{student.Id}/restore";

    private static async Task<Removal> RemoveAsync(HttpClient api, ClassroomTests.Classroom classroom, TestAccount student)
    {
        var response = await api.DeleteAsync(new Uri($"/api/v1/classrooms/{classroom.Id}/students/{student.Id}", UriKind.Relative));
        await ApiClient.EnsureSuccessAsync(response);
        var removal = (await response.Content.ReadFromJsonAsync<Removal>())!;
        Assert.Equal(student.Id, removal.StudentId);
        return removal;
    }

    private Task<(TestAccount Teacher, ClassroomTests.Classroom Classroom, TestAccount Student)> ClassWithStudentAsync() =>
        ClassroomTests.ClassWithStudentAsync(_factory, "Maya Chen");

    private sealed record Removal(Guid StudentId, string UndoToken, DateTime UndoUntil);

    private sealed record Entry(Guid StudentId, string DisplayName, DateTime JoinedAt);
}
