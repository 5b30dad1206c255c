using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyHub.Content.Features;
using StudyHub.Server.Tests.Identity;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Content;

/// <summary>Who may not see or change homework: 401 anonymous, 403 a role that may never, 404 someone else's.</summary>
public sealed class HomeworkDenialTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Anonymous_callers_get_401_everywhere()
    {
        using var anonymous = _factory.CreateClient();
        var id = Guid.NewGuid();
        await (await anonymous.GetAsync(Url("/api/v1/homework"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(Url($"/api/v1/homework/{id}"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(Url($"/api/v1/homework/{id}/events"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(Url($"/api/v1/homework/{id}/files/{Guid.NewGuid()}"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.DeleteAsync(Url($"/api/v1/homework/{id}"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PatchAsJsonAsync($"/api/v1/homework/{id}", new { title = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.UploadFileAsync("a.txt", "text/plain", HomeworkHost.Utf8("1 + 1"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_student_cannot_see_or_change_my_homework_and_is_told_it_does_not_exist()
    {
        var (_, ownerClient, homeworkId) = await StudentWithHomeworkAsync();
        var other = await _factory.RegisterAndSignInAsync("student");
        using var otherClient = _factory.CreateClientFor(other);
        var original = await OriginalUrlAsync(ownerClient, homeworkId);
        Assert.Equal("2x + 3 = 11", await ownerClient.GetStringAsync(original));
        await (await otherClient.GetAsync(original)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await ownerClient.GetAsync(Url($"/api/v1/homework/{homeworkId}/files/{Guid.NewGuid()}"))).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await otherClient.GetAsync(Url($"/api/v1/homework/{homeworkId}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.GetAsync(Url($"/api/v1/homework/{homeworkId}/events"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.PatchAsJsonAsync($"/api/v1/homework/{homeworkId}", new { title = "mine now" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherClient.DeleteAsync(Url($"/api/v1/homework/{homeworkId}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await otherClient.GetFromJsonAsync<HomeworkList>("/api/v1/homework"))!.Items);
    }

    [Fact]
    public async Task A_teacher_reads_their_students_homework_but_cannot_change_it_nor_upload()
    {
        var (student, studentClient, homeworkId) = await StudentWithHomeworkAsync();
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var otherTeacher = await _factory.RegisterAndSignInAsync("teacher");
        using var teacherClient = _factory.CreateClientFor(teacher);
        using var otherTeacherClient = _factory.CreateClientFor(otherTeacher);
        var classroom = await ClassroomTests.CreateClassroomAsync(teacherClient);
        await ApiClient.EnsureSuccessAsync(await studentClient.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));

        var seen = await teacherClient.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{homeworkId}");
        Assert.False(seen!.CanEdit);
        Assert.Single((await teacherClient.GetFromJsonAsync<HomeworkList>($"/api/v1/homework?studentId={student.Id}"))!.Items);
        await (await teacherClient.PatchAsJsonAsync($"/api/v1/homework/{homeworkId}", new { title = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "read_only");
        await (await teacherClient.DeleteAsync(Url($"/api/v1/homework/{homeworkId}"))).AssertProblemAsync(HttpStatusCode.Forbidden, "read_only");
        await (await teacherClient.UploadFileAsync("a.txt", "text/plain", HomeworkHost.Utf8("1 + 1"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");

        var original = await OriginalUrlAsync(studentClient, homeworkId);
        Assert.Equal("2x + 3 = 11", await teacherClient.GetStringAsync(original));
        await (await otherTeacherClient.GetAsync(original)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherTeacherClient.GetAsync(Url($"/api/v1/homework/{homeworkId}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherTeacherClient.GetAsync(Url($"/api/v1/homework?studentId={student.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_linked_parent_reads_their_childs_homework_and_an_unlinked_one_cannot()
    {
        var (_, childClient, homeworkId) = await StudentWithHomeworkAsync();
        var parent = await _factory.RegisterAndSignInAsync("parent");
        var stranger = await _factory.RegisterAndSignInAsync("parent");
        using var parentClient = _factory.CreateClientFor(parent);
        using var strangerClient = _factory.CreateClientFor(stranger);
        var code = await (await childClient.PostAsync(Url("/api/v1/me/parent-link-codes"), null)).Content.ReadFromJsonAsync<JsonElement>();
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code = code.GetProperty("code").GetString() }));

        Assert.Equal(homeworkId, (await parentClient.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{homeworkId}"))!.Id);
        await (await parentClient.DeleteAsync(Url($"/api/v1/homework/{homeworkId}"))).AssertProblemAsync(HttpStatusCode.Forbidden, "read_only");
        await (await strangerClient.GetAsync(Url($"/api/v1/homework/{homeworkId}"))).AssertProblemAsync(HttpStatusCode.NotFound);
        var original = await OriginalUrlAsync(childClient, homeworkId);
        Assert.Equal("2x + 3 = 11", await parentClient.GetStringAsync(original));
        await (await strangerClient.GetAsync(original)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_child_under_13_cannot_upload_until_a_parent_consents()
    {
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2016, 2, 2));
        using var client = _factory.CreateClientFor(child);

        await (await client.UploadFileAsync("a.txt", "text/plain", HomeworkHost.Utf8("1 + 1"))).AssertProblemAsync(HttpStatusCode.Forbidden, "parental_consent_required");
        Assert.Empty((await client.GetFromJsonAsync<HomeworkList>("/api/v1/homework"))!.Items);
    }

    private async Task<(TestAccount Student, HttpClient Client, Guid HomeworkId)> StudentWithHomeworkAsync()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync("2x + 3 = 11");
        return (student, client, accepted.Id);
    }

    /// <summary>The API address of the homework's first original (it redirects to a signed link, which the client follows).</summary>
    private static async Task<Uri> OriginalUrlAsync(HttpClient owner, Guid homeworkId)
    {
        var details = await owner.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{homeworkId}");
        return Url($"/api/v1/homework/{homeworkId}/files/{details!.Files[0].Id}");
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
