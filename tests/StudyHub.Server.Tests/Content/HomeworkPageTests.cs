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
