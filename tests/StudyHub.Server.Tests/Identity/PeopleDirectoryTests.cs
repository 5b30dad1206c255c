using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Users;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>The relationships other modules ask Identity about before showing a student's data.</summary>
public sealed class PeopleDirectoryTests
{
    [Fact]
    public async Task Teachers_see_their_own_students_and_parents_their_linked_children_only()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        var otherTeacher = await factory.RegisterAndSignInAsync("teacher");
        var student = await factory.RegisterAndSignInAsync("student", new DateOnly(2015, 6, 1), displayName: "Leo");
        var otherStudent = await factory.RegisterAndSignInAsync("student");
        var parent = await factory.RegisterAndSignInAsync("parent");
        using var teacherClient = factory.CreateClientFor(teacher);
        using var otherTeacherClient = factory.CreateClientFor(otherTeacher);
        using var studentClient = factory.CreateClientFor(student);
        using var parentClient = factory.CreateClientFor(parent);
        var classroom = await ClassroomTests.CreateClassroomAsync(teacherClient, "Algebra 1");
        await ClassroomTests.CreateClassroomAsync(otherTeacherClient, "Biology");
        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));
        var code = await (await studentClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<LinkCode>();
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code = code!.Code }));

        await using var scope = factory.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<IPeopleDirectory>();
        var ct = CancellationToken.None;

        Assert.True(await people.IsTeacherOfAsync(teacher.Id, student.Id, ct));
        Assert.False(await people.IsTeacherOfAsync(otherTeacher.Id, student.Id, ct));
        Assert.False(await people.IsTeacherOfAsync(teacher.Id, otherStudent.Id, ct));
        Assert.True(await people.IsParentOfAsync(parent.Id, student.Id, ct));
        Assert.False(await people.IsParentOfAsync(parent.Id, otherStudent.Id, ct));
        Assert.True(await people.IsEnrolledAsync(classroom.Id, student.Id, ct));

        var roster = await people.StudentsOfClassroomAsync(classroom.Id, ct);
        var leo = Assert.Single(roster);
        Assert.Equal(("Leo", true, true), (leo.DisplayName, leo.IsUnder13, leo.AwaitingConsent));
        var classes = await people.ClassroomsOfStudentAsync(student.Id, ct);
        Assert.Equal(classroom.Id, Assert.Single(classes).Id);
        Assert.Null(await people.FindStudentAsync(teacher.Id, ct));
        Assert.Equal(teacher.Id, (await people.FindClassroomAsync(classroom.Id, ct))!.TeacherId);
    }

    private sealed record LinkCode(string Code);
}
