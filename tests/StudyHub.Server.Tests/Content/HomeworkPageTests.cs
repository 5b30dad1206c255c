using System.Net;
using System.Net.Http.Json;
using StudyHub.Content.Features;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Content;

/// <summary>The homework pages as a browser sees them: sign-in first, someone else's homework is the 404 page, forms post and redirect.</summary>
public sealed class HomeworkPageTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Another_students_homework_is_the_not_found_page_and_its_forms_change_nothing()
    {
        var owner = await _factory.RegisterAndSignInAsync("student");
        using var ownerApi = _factory.CreateClientFor(owner);
        var homework = await ownerApi.UploadTextAsync("2x+3=11", "Mine");
        var other = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebBrowser.SignedInAsync(_factory, other);

        var response = await browser.GetAsync($"/homework/{homework.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("We couldn't find that page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mine", html, StringComparison.Ordinal);

        // A forged delete from another student's session is a 404 too, and the homework stays.
        var token = WebBrowser.AntiforgeryToken(await browser.GetPageAsync("/homework"));
        var delete = await browser.PostAsync($"/homework/{homework.Id}", "delete", token, []);
        Assert.True(delete.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"a forged delete answered {(int)delete.StatusCode}");
        Assert.Equal("Mine", (await ownerApi.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{homework.Id}"))!.Title);
        Assert.DoesNotContain("Mine", await browser.GetPageAsync("/homework"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pasted_homework_is_uploaded_redirected_to_its_page_and_shows_typeset_problems_when_ready()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebBrowser.SignedInAsync(_factory, student);
        Assert.Contains("No homework yet", await browser.GetPageAsync("/homework"), StringComparison.Ordinal);

        using var form = new MultipartFormDataContent { { new StringContent("Algebra practice"), "title" }, { new StringContent("2x+3=11\n3/4+5/6\nWho wrote Hamlet?"), "text" } };
        var upload = await browser.PostMultipartAsync("/homework/new", "upload", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var location = WebBrowser.RedirectPath(upload);
        Assert.Matches("^/homework/[0-9a-f-]{36}$", location);
        var id = Guid.Parse(location["/homework/".Length..]);

        var reading = await browser.GetPageAsync(location);
        Assert.Contains("Queued", reading, StringComparison.Ordinal);
        Assert.Contains("data-homework-events=\"/homework/" + id + "/events\"", reading, StringComparison.Ordinal);

        Assert.Null(await _factory.RunReadingJobAsync(id));
        var ready = WebUtility.HtmlDecode(await browser.GetPageAsync(location));
        Assert.Contains("<span class=\"math-tex\">2x+3=11</span>", ready, StringComparison.Ordinal);
        Assert.Contains("<span class=\"math-tex\">\\frac{3}{4}+\\frac{5}{6}</span>", ready, StringComparison.Ordinal);
        Assert.Contains("<summary>Show answer</summary>", ready, StringComparison.Ordinal);
        Assert.Contains("No answer key:", ready, StringComparison.Ordinal);
        Assert.Contains($"href=\"/play/new?homework={id}\"", ready, StringComparison.Ordinal);

        var list = await browser.GetPageAsync("/homework");
        Assert.Contains("Algebra practice", list, StringComparison.Ordinal);
        Assert.Contains("Ready", list, StringComparison.Ordinal);

        var rename = await browser.SubmitAsync(location, "rename", new() { ["title"] = "Algebra, renamed" });
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        Assert.Contains("Algebra, renamed", await browser.GetPageAsync(location), StringComparison.Ordinal);

        var delete = await browser.SubmitAsync(location, "delete", []);
        Assert.Equal("/homework", WebBrowser.RedirectPath(delete));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(location)).StatusCode);
    }

    [Fact]
    public async Task The_homework_page_links_the_originals_for_whoever_may_read_it_and_the_list_names_the_subject()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var studentApi = _factory.CreateClientFor(student);
        var upload = await studentApi.UploadFileAsync("fractions sheet.txt", "text/plain", HomeworkHost.Utf8("1/2 + 1/3\n3/4 - 1/8"));
        var id = (await upload.Content.ReadFromJsonAsync<HomeworkAccepted>())!.Id;
        Assert.Null(await _factory.RunReadingJobAsync(id));
        var fileId = (await studentApi.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{id}"))!.Files.Single().Id;
        var link = $"/homework/{id}/files/{fileId}";

        using var browser = await WebBrowser.SignedInAsync(_factory, student);
        var list = WebUtility.HtmlDecode(await browser.GetPageAsync("/homework"));
        Assert.Contains("2 problems · Mathematics ·", list, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await browser.GetPageAsync($"/homework/{id}"));
        Assert.Contains($"<a href=\"{link}\" download=\"fractions sheet.txt\">fractions sheet.txt</a>", page, StringComparison.Ordinal);
        Assert.Contains("TEXT · 19 bytes", page, StringComparison.Ordinal);
        Assert.Equal("1/2 + 1/3\n3/4 - 1/8", await DownloadAsync(browser, link));

        // The student's teacher reads it too; another teacher, another student and a wrong file id get 404, and
        // a visitor who is not signed in is sent to sign in.
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var teacherApi = _factory.CreateClientFor(teacher);
        var classroom = await StudyHub.Server.Tests.Identity.ClassroomTests.CreateClassroomAsync(teacherApi);
        await ApiClient.EnsureSuccessAsync(await studentApi.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.JoinCode }));
        using var teacherBrowser = await WebBrowser.SignedInAsync(_factory, teacher);
        Assert.Contains(link, await teacherBrowser.GetPageAsync($"/homework/{id}"), StringComparison.Ordinal);
        Assert.Equal("1/2 + 1/3\n3/4 - 1/8", await DownloadAsync(teacherBrowser, link));

        using var otherTeacher = await WebBrowser.SignedInAsync(_factory, await _factory.RegisterAndSignInAsync("teacher"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeacher.GetAsync(link)).StatusCode);
        using var otherStudent = await WebBrowser.SignedInAsync(_factory, await _factory.RegisterAndSignInAsync("student"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherStudent.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/homework/{id}/files/{Guid.NewGuid()}")).StatusCode);
        using var anonymous = WebBrowser.Anonymous(_factory);
        Assert.StartsWith("/signin?ReturnUrl=", WebBrowser.RedirectPath(await anonymous.GetAsync(link)), StringComparison.Ordinal);
    }

    /// <summary>Follows the page's link to the signed download, as a browser does.</summary>
    private static async Task<string> DownloadAsync(WebBrowser browser, string link)
    {
        var redirect = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var signed = await browser.GetAsync(WebBrowser.RedirectPath(redirect));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        return await signed.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_upload_with_neither_file_nor_text_shows_the_error_next_to_the_field()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebBrowser.SignedInAsync(_factory, student);

        using var form = new MultipartFormDataContent { { new StringContent(""), "text" } };
        var response = await browser.PostMultipartAsync("/homework/new", "upload", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"files-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"files-error files-hint\"", html, StringComparison.Ordinal);
        Assert.Empty((await _factory.CreateClientFor(student).GetFromJsonAsync<HomeworkList>("/api/v1/homework"))!.Items);
    }

    [Fact]
    public async Task A_file_larger_than_the_hosts_default_body_limit_uploads_through_the_page()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebBrowser.SignedInAsync(_factory, student);

        // 400 KB of text: over the host's 256 KB default request limit, under the upload limits.
        var text = string.Concat(Enumerable.Repeat("12+30=42\n", 400 * 1024 / 9));
        var file = new ByteArrayContent(HomeworkHost.Utf8(text));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        using var form = new MultipartFormDataContent { { file, "files", "long.txt" } };
        var response = await browser.PostMultipartAsync("/homework/new", "upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
