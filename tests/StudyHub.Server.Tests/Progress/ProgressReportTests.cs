using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace StudyHub.Server.Tests.Progress;

/// <summary>The one-page PDF progress report, read back with PdfPig: the student's own figures, any script's name, the progress endpoint's access.</summary>
public sealed class ProgressReportTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_linked_parent_downloads_one_page_with_the_childs_name_mastery_weak_spot_and_totals()
    {
        var child = await _factory.RegisterAndSignInAsync("student", displayName: "Анна Каренина");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var childClient = _factory.CreateClientFor(child);
        using var parentClient = _factory.CreateClientFor(parent);
        await ProgressApiTests.LinkAsync(childClient, parentClient);
        for (var i = 0; i < 3; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, child.Id, "math.fractions", Guid.NewGuid(), correct: true);
        }

        for (var i = 0; i < 5; i++)
        {
            await ProgressApiTests.AnswerAsync(_factory, child.Id, "math.linear-equations", Guid.NewGuid(), correct: i == 0, seconds: 20);
        }

        var progress = await parentClient.GetFromJsonAsync<ProgressApiTests.StudentProgress>($"/api/v1/students/{child.Id}/progress");
        var weak = Assert.Single(progress!.WeakSpots);

        var response = await parentClient.GetAsync(Url($"/api/v1/students/{child.Id}/progress/report.pdf"));

        await ApiClient.EnsureSuccessAsync(response);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var (text, pages) = await ReadTextAsync(response);
        Assert.Equal(1, pages);
        // Kept for a person to look at (artifacts/ is not committed).
        var kept = Practice.RepositoryFiles.PathOf("artifacts/reports/progress-report.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        await File.WriteAllBytesAsync(kept, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Анна Каренина", text, StringComparison.Ordinal);
        Assert.Contains("98% mastered", text, StringComparison.Ordinal);                     // fractions: 0.9823
        Assert.Contains("Questions answered", text, StringComparison.Ordinal);
        Assert.Contains("Skills mastered", text, StringComparison.Ordinal);
        Assert.Contains(" 1 of 2 ", text, StringComparison.Ordinal);
        Assert.Contains("Weak spots", text, StringComparison.Ordinal);
        Assert.Contains($"priority {weak.Priority.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} of 100", text, StringComparison.Ordinal);
        Assert.Contains("20% right over 5 questions", text, StringComparison.Ordinal);
        Assert.Contains("Questions answered per week", text, StringComparison.Ordinal);
        Assert.Contains("Practice from ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("王小明")]          // Chinese: not in DejaVu, drawn with a fallback font
    [InlineData("Ελένη Ζωγράφου")]  // Greek
    public async Task Names_in_other_scripts_come_out_as_text(string name)
    {
        var student = await _factory.RegisterAndSignInAsync("student", displayName: name);
        using var client = _factory.CreateClientFor(student);

        var (text, _) = await ReadTextAsync(await client.GetAsync(Url($"/api/v1/students/{student.Id}/progress/report.pdf")));

        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("No practice yet.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_those_who_may_see_the_progress_get_the_report_and_the_page_links_to_it()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student");
        using var teacherClient = _factory.CreateClientFor(teacher);
        await ProgressApiTests.JoinNewClassroomAsync(_factory, teacherClient, student);
        var report = Url($"/api/v1/students/{student.Id}/progress/report.pdf");

        await ApiClient.EnsureSuccessAsync(await teacherClient.GetAsync(report));
        foreach (var role in new[] { "teacher", "student", "parent" })
        {
            using var stranger = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync(role));
            await (await stranger.GetAsync(report)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        }

        using var anonymous = _factory.CreateClient();
        await (await anonymous.GetAsync(report)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        // The page's link is the cookie-signed twin of the API route.
        using var web = await WebSession.SignInAsync(_factory, teacher);
        Assert.Contains($"href=\"/students/{student.Id}/progress/report.pdf\"", await web.PageAsync($"/students/{student.Id}/progress"), StringComparison.Ordinal);
        var download = await web.GetAsync($"/students/{student.Id}/progress/report.pdf");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The page's words in reading order, one space apart (PdfPig's page text runs words together).</summary>
    private static async Task<(string Text, int Pages)> ReadTextAsync(HttpResponseMessage response)
    {
        await ApiClient.EnsureSuccessAsync(response);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using var document = PdfDocument.Open(bytes);
        return (string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), document.NumberOfPages);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
