using System.Net;
using System.Net.Http.Json;
using StudyHub.Content.Features;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Content;

/// <summary>The whole pipeline with the real reader and problem finder: upload → read → problems with keys.</summary>
public sealed class RealReadingTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.CreateWithRealReader();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_text_worksheet_is_read_into_numbered_problems_with_answer_keys()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var upload = await client.UploadFileAsync("algebra.txt", "text/plain", HomeworkHost.Utf8("Solve for x:\n1. 2x + 3 = 11\n2. 5x - 4 = 16\n3. Explain how plants make food by photosynthesis.\n"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var accepted = (await upload.Content.ReadFromJsonAsync<HomeworkAccepted>())!;

        Assert.Null(await _factory.RunReadingJobAsync(accepted.Id));

        var ready = (await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted.Id}"))!;
        Assert.Equal("ready", ready.Status);
        Assert.Equal(3, ready.Problems.Count);
        Assert.Equal(("x = 4", "math.linear-equations"), (ready.Problems[0].AnswerExact, ready.Problems[0].SkillId));
        Assert.Equal("x = 4", ready.Problems[1].AnswerExact);
        Assert.Equal("biology", ready.Problems[2].Subject);
        Assert.Null(ready.Problems[2].AnswerExact);
    }

    [Fact]
    public async Task A_file_whose_bytes_are_not_what_its_name_says_is_refused_at_upload()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        var lying = await client.UploadFileAsync("homework.pdf", "application/pdf", png);
        await lying.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var binary = await client.UploadFileAsync("notes.txt", "text/plain", [0, 1, 2, 3, 0, 0, 255, 254, 0, 7]);
        Assert.Contains("binary", (await binary.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).FieldErrors("files").Single(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<HomeworkList>("/api/v1/homework"))!.Items);
    }
}
