using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class ClassroomTests
{
    [Fact]
    public async Task A_teacher_creates_a_class_and_a_student_joins_it_with_the_code()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher", displayName: "Ms. Rivera");
        var student = await factory.RegisterAndSignInAsync("student", displayName: "Maya");
        using var teacherClient = factory.CreateClientFor(teacher);
        using var studentClient = factory.CreateClientFor(student);

        var created = await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Algebra 1", subject = "Math", grade = "8", timeZone = "America/New_York" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var classroom = (await created.Content.ReadFromJsonAsync<Classroom>())!;
        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$", classroom.JoinCode);

        // Entry is forgiving: lower case and a dash in the middle still work.
        var typed = classroom.JoinCode!.ToLowerInvariant().Insert(3, "-");
        var joined = await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = typed });
        await ApiClient.EnsureSuccessAsync(joined);
        var seenByStudent = (await joined.Content.ReadFromJsonAsync<Classroom>())!;
        Assert.Equal("Algebra 1", seenByStudent.Name);
        Assert.Null(seenByStudent.JoinCode);
        Assert.Equal("Ms. Rivera", seenByStudent.TeacherName);

        var roster = await teacherClient.GetFromJsonAsync<List<RosterEntry>>($"/api/v1/classrooms/{classroom.Id}/students");
        Assert.Equal(["Maya"], roster!.Select(r => r.DisplayName));

        var mine = await studentClient.GetFromJsonAsync<List<Classroom>>("/api/v1/classrooms");
        Assert.Equal(classroom.Id, Assert.Single(mine!).Id);
    }

    [Fact]
    public async Task Joining_twice_keeps_one_enrollment_and_a_wrong_code_is_a_clear_404()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        var student = await factory.RegisterAndSignInAsync("student");
        using var teacherClient = factory.CreateClientFor(teacher);
        using var studentClient = factory.CreateClientFor(student);
        var classroom = await CreateClassroomAsync(teacherClient);

        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));
        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));
        var wrong = await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = "ZZZZZZ" });

        await wrong.AssertProblemAsync(HttpStatusCode.NotFound, "join_code_not_found");
        var roster = await teacherClient.GetFromJsonAsync<List<RosterEntry>>($"/api/v1/classrooms/{classroom.Id}/students");
        Assert.Single(roster!);
    }

    [Fact]
    public async Task A_teacher_removes_a_student_and_the_student_no_longer_sees_the_class()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        var student = await factory.RegisterAndSignInAsync("student");
        using var teacherClient = factory.CreateClientFor(teacher);
        using var studentClient = factory.CreateClientFor(student);
        var classroom = await CreateClassroomAsync(teacherClient);
        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));

        var removed = await teacherClient.DeleteAsync(new Uri($"/api/v1/classrooms/{classroom.Id}/students/{student.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var response = await studentClient.GetAsync(new Uri($"/api/v1/classrooms/{classroom.Id}", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Creating_a_class_names_every_invalid_field()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        using var client = factory.CreateClientFor(teacher);

        var response = await client.PostAsJsonAsync("/api/v1/classrooms", new { name = new string('x', 101), subject = "", timeZone = "Mars/Olympus_Mons" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(problem.FieldErrors("name"));
        Assert.NotEmpty(problem.FieldErrors("subject"));
        Assert.NotEmpty(problem.FieldErrors("grade"));
        Assert.NotEmpty(problem.FieldErrors("timeZone"));
    }

    [Fact]
    public async Task A_new_join_code_replaces_the_old_one()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        var student = await factory.RegisterAndSignInAsync("student");
        using var teacherClient = factory.CreateClientFor(teacher);
        using var studentClient = factory.CreateClientFor(student);
        var classroom = await CreateClassroomAsync(teacherClient);

        var regenerated = await teacherClient.PostAsync(new Uri($"/api/v1/classrooms/{classroom.Id}/join-code", UriKind.Relative), null);
        var fresh = (await regenerated.Content.ReadFromJsonAsync<Classroom>())!;

        Assert.NotEqual(classroom.JoinCode, fresh.JoinCode);
        await (await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode })).AssertProblemAsync(HttpStatusCode.NotFound);
        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = fresh.JoinCode }));
    }

    internal static async Task<Classroom> CreateClassroomAsync(HttpClient teacherClient, string name = "Algebra 1")
    {
        var response = await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name, subject = "Math", grade = "8", timeZone = "UTC" });
        await ApiClient.EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<Classroom>())!;
    }

    /// <summary>A teacher's class with one student in it.</summary>
    internal static async Task<(TestAccount Teacher, Classroom Classroom, TestAccount Student)> ClassWithStudentAsync(StudyHubFactory factory, string studentName)
    {
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        var student = await factory.RegisterAndSignInAsync("student", displayName: studentName);
        using var teacherApi = factory.CreateClientFor(teacher);
        using var studentApi = factory.CreateClientFor(student);
        var classroom = await CreateClassroomAsync(teacherApi);
        await ApiClient.EnsureSuccessAsync(await studentApi.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));
        return (teacher, classroom, student);
    }

    internal sealed record Classroom(Guid Id, string Name, string TeacherName, int StudentCount, string? JoinCode);

    internal sealed record RosterEntry(Guid StudentId, string DisplayName, bool AwaitingParentalConsent);
}
