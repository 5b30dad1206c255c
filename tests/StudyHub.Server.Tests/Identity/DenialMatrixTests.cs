using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>Who may not see or change what: 401 without credentials, 403 for a role that never may, 404 for someone else's data.</summary>
public sealed class DenialMatrixTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_cannot_see_a_class_they_are_not_in_nor_any_roster()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var outsider = await _factory.RegisterAndSignInAsync("student");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var outsiderClient = _factory.CreateClientFor(outsider);
        var classroom = await ClassroomTests.CreateClassroomAsync(teacherClient);

        await (await outsiderClient.GetAsync(Url($"/api/v1/classrooms/{classroom.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsiderClient.GetAsync(Url($"/api/v1/classrooms/{classroom.Id}/students"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await outsiderClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Mine", subject = "x", grade = "1" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_teacher_cannot_read_or_change_another_teachers_class()
    {
        var owner = await _factory.RegisterAndSignInAsync("teacher");
        var otherTeacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student");
        using var ownerClient = _factory.CreateClientFor(owner);
        using var otherClient = _factory.CreateClientFor(otherTeacher);
        using var studentClient = _factory.CreateClientFor(student);
        var classroom = await ClassroomTests.CreateClassroomAsync(ownerClient);
        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));

        await (await otherClient.GetAsync(Url($"/api/v1/classrooms/{classroom.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.GetAsync(Url($"/api/v1/classrooms/{classroom.Id}/students"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.DeleteAsync(Url($"/api/v1/classrooms/{classroom.Id}/students/{student.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.PostAsync(Url($"/api/v1/classrooms/{classroom.Id}/join-code"), null)).AssertProblemAsync(HttpStatusCode.NotFound);

        var roster = await ownerClient.GetFromJsonAsync<List<ClassroomTests.RosterEntry>>($"/api/v1/classrooms/{classroom.Id}/students");
        Assert.Single(roster!);
    }

    [Fact]
    public async Task A_parent_cannot_reach_a_child_they_are_not_linked_to()
    {
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2016, 2, 2));
        var stranger = await _factory.RegisterAndSignInAsync("parent");
        using var strangerClient = _factory.CreateClientFor(stranger);

        await (await strangerClient.PostAsJsonAsync(Url($"/api/v1/parents/children/{child.Id}/consent"), new { declaresAdult = true })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.DeleteAsync(Url($"/api/v1/parents/children/{child.Id}/consent"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.GetAsync(Url($"/api/v1/parents/children/{child.Id}/export"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await strangerClient.DeleteAsync(Url($"/api/v1/parents/children/{child.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await strangerClient.GetFromJsonAsync<List<ParentalConsentTests.Child>>("/api/v1/parents/children"))!);
    }

    [Fact]
    public async Task A_student_cannot_use_parent_or_admin_endpoints()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        await (await client.GetAsync(Url("/api/v1/parents/children"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await client.GetAsync(Url("/api/v1/admin/users"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await client.PutAsJsonAsync($"/api/v1/admin/users/{student.Id}/role", new { role = "admin" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_user_cannot_revoke_another_users_session()
    {
        var alice = await _factory.RegisterAndSignInAsync("student");
        var bob = await _factory.RegisterAndSignInAsync("student");
        using var aliceClient = _factory.CreateClientFor(alice);
        using var bobClient = _factory.CreateClientFor(bob);
        var bobSession = Assert.Single((await bobClient.GetFromJsonAsync<List<AccountTests.Session>>("/api/v1/me/sessions"))!);

        await (await aliceClient.DeleteAsync(Url($"/api/v1/me/sessions/{bobSession.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await ApiClient.EnsureSuccessAsync(await bobClient.GetAsync(Url("/api/v1/me")));
    }

    [Theory]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/api/v1/me/export")]
    [InlineData("GET", "/api/v1/me/sessions")]
    [InlineData("GET", "/api/v1/classrooms")]
    [InlineData("POST", "/api/v1/classrooms/join")]
    [InlineData("GET", "/api/v1/parents/children")]
    [InlineData("GET", "/api/v1/admin/users")]
    [InlineData("POST", "/api/v1/auth/logout")]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var client = _factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
