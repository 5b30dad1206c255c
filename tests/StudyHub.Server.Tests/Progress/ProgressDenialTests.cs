using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Progress;

/// <summary>Who may not see whose progress: 401 anonymous, 403 a role that never may, 404 someone else's.</summary>
public sealed class ProgressDenialTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Outsiders_get_404_for_a_student_and_a_classroom_the_owners_see_them()
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
        await ClassroomOfOtherTeacherWithOtherStudentAsync(otherTeacherClient, otherStudent);
        await ProgressApiTests.LinkAsync(studentClient, parentClient);
        await ProgressApiTests.AnswerAsync(_factory, student.Id, "math.fractions", Guid.NewGuid(), correct: true);
        var studentProgress = Url($"/api/v1/students/{student.Id}/progress");
        var classProgress = Url($"/api/v1/classrooms/{classroom.Id}/progress");

        // Allowed: the student, their teacher, their linked parent; the class for its teacher.
        foreach (var allowed in new[] { studentClient, teacherClient, parentClient })
        {
            await ApiClient.EnsureSuccessAsync(await allowed.GetAsync(studentProgress));
        }

        await ApiClient.EnsureSuccessAsync(await teacherClient.GetAsync(classProgress));

        // Exists but is not theirs: 404, never a hint that it exists.
        await (await otherTeacherClient.GetAsync(studentProgress)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await otherStudentClient.GetAsync(studentProgress)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await unlinkedParentClient.GetAsync(studentProgress)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await otherTeacherClient.GetAsync(classProgress)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await teacherClient.GetAsync(Url($"/api/v1/students/{Guid.NewGuid()}/progress"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await teacherClient.GetAsync(Url($"/api/v1/classrooms/{Guid.NewGuid()}/progress"))).AssertProblemAsync(HttpStatusCode.NotFound);

        // A teacher sees only students of their own classes, not a teacher's id passed as a student.
        await (await teacherClient.GetAsync(Url($"/api/v1/students/{otherTeacher.Id}/progress"))).AssertProblemAsync(HttpStatusCode.NotFound);

        // Students and parents never see a classroom's progress, even their own class.
        await (await studentClient.GetAsync(classProgress)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await parentClient.GetAsync(classProgress)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
    }

    [Theory]
    [InlineData("/api/v1/students/0193a3b0-0000-7000-8000-000000000001/progress")]
    [InlineData("/api/v1/classrooms/0193a3b0-0000-7000-8000-000000000001/progress")]
    public async Task Anonymous_callers_get_401(string path)
    {
        using var client = _factory.CreateClient();
        await (await client.GetAsync(Url(path))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task ClassroomOfOtherTeacherWithOtherStudentAsync(HttpClient otherTeacherClient, TestAccount otherStudent) =>
        await ProgressApiTests.JoinNewClassroomAsync(_factory, otherTeacherClient, otherStudent);

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
