using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Content.Features;
using StudyHub.Kernel.Files;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Content;

public sealed class HomeworkTests : IDisposable
{
    private const string Worksheet = "What is the pH of lemon juice?\nSolve for x:\n2x + 3 = 11\nx^2 - 5x + 6 = 0\n\fFactor:\nx^2 - 9\n??3x + 1 = 7";

    private readonly StudyHubFactory _factory = HomeworkHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Pasted_homework_is_read_into_pages_and_problems_with_answer_keys_subjects_and_skills()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        var accepted = await client.UploadTextAsync(Worksheet, "Week 3");
        Assert.Equal("queued", accepted.Status);
        var queued = await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted.Id}");
        Assert.Equal(("queued", "Week 3"), (queued!.Status, queued.Title));

        Assert.Null(await _factory.RunReadingJobAsync(accepted.Id));

        var ready = (await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted.Id}"))!;
        Assert.Equal(("ready", 100, "math"), (ready.Status, ready.Progress, ready.Subject));
        Assert.Equal([1, 2], ready.Pages.Select(p => p.Number));
        Assert.Equal(5, ready.Problems.Count);

        var linear = ready.Problems[1];
        Assert.Equal(("2x + 3 = 11", "Solve for x:", "math", "math.linear-equations"), (linear.Text, linear.Instruction, linear.Subject, linear.SkillId));
        Assert.Equal("x = 4", linear.AnswerExact);
        Assert.Null(linear.NoAnswerKeyReason);

        Assert.Equal("math.quadratics", ready.Problems[2].SkillId);
        Assert.Contains("2", ready.Problems[2].AnswerExact, StringComparison.Ordinal);
        Assert.Contains("3", ready.Problems[2].AnswerExact, StringComparison.Ordinal);

        var chemistry = ready.Problems[0];
        Assert.Equal("chemistry", chemistry.Subject);
        Assert.Null(chemistry.AnswerExact);
        Assert.NotNull(chemistry.NoAnswerKeyReason);

        var factor = ready.Problems[3];
        Assert.Equal((2, "math.factoring"), (factor.Page, factor.SkillId));
        Assert.Contains("x + 3", factor.AnswerExact, StringComparison.Ordinal);

        // Read with low confidence: no key rather than a key for what may be a misreading.
        var doubtful = ready.Problems[4];
        Assert.Null(doubtful.AnswerExact);
        Assert.Contains("not read clearly", doubtful.NoAnswerKeyReason, StringComparison.Ordinal);
        Assert.Contains("math.linear-equations", ready.Skills);
    }

    [Fact]
    public async Task Running_the_reading_job_again_replaces_nothing_twice()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync(Worksheet);

        Assert.Null(await _factory.RunReadingJobAsync(accepted.Id));
        Assert.Null(await _factory.RunReadingJobAsync(accepted.Id, attempt: 2));

        var ready = (await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted.Id}"))!;
        Assert.Equal(5, ready.Problems.Count);
        Assert.Equal(2, ready.Pages.Count);
        await using var scope = _factory.Services.CreateAsyncScope();
        var hits = await scope.ServiceProvider.GetRequiredService<IHomeworkSearch>().SearchAsync(student.Id, "lemon", null, 10, CancellationToken.None);
        Assert.Single(hits);
    }

    [Fact]
    public async Task An_unreadable_file_fails_the_homework_with_a_readable_reason_and_dead_letters_the_job()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync("%CORRUPT not really text");

        var thrown = await _factory.RunReadingJobAsync(accepted.Id);

        Assert.IsType<PermanentJobFailureException>(thrown);
        var failed = (await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted.Id}"))!;
        Assert.Equal(("failed", "corrupt_file"), (failed.Status, failed.FailureCode));
        Assert.Contains("damaged", failed.FailureReason, StringComparison.Ordinal);
        Assert.Empty(failed.Problems);
    }

    [Fact]
    public async Task The_owner_renames_and_corrects_a_misread_problem_which_is_solved_again()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync(Worksheet);
        await _factory.RunReadingJobAsync(accepted.Id);
        var before = (await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted.Id}"))!;
        var doubtful = before.Problems[4];

        var response = await client.PatchAsJsonAsync($"/api/v1/homework/{accepted.Id}", new
        {
            title = "Algebra sheet",
            problems = new[] { new { id = doubtful.Id, text = "3x + 1 = 10" } },
        });
        await ApiClient.EnsureSuccessAsync(response);

        var after = (await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted.Id}"))!;
        Assert.Equal("Algebra sheet", after.Title);
        var corrected = after.Problems.Single(p => p.Id == doubtful.Id);
        Assert.Equal(("3x + 1 = 10", "x = 3", true, "math.linear-equations"), (corrected.Text, corrected.AnswerExact, corrected.CorrectedByStudent, corrected.SkillId));

        var bad = await client.PatchAsJsonAsync($"/api/v1/homework/{accepted.Id}", new { problems = new[] { new { id = Guid.NewGuid(), text = "1 + 1" } } });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(problem.FieldErrors("problems[0].id"));
    }

    [Fact]
    public async Task A_homework_whose_original_vanished_from_the_store_fails_with_a_reason_instead_of_retrying()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync(Worksheet);
        var store = _factory.Services.GetRequiredService<IFileStore>();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyHub.Content.Data.ContentDbContext>();
            foreach (var key in db.Files.Where(f => f.HomeworkId == accepted.Id).Select(f => f.StorageKey).ToList())
            {
                await store.DeleteAsync(key, default);
            }
        }

        Assert.IsType<PermanentJobFailureException>(await _factory.RunReadingJobAsync(accepted.Id));

        var homework = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/homework/{accepted.Id}");
        Assert.Equal("failed", homework.GetProperty("status").GetString());
        Assert.Equal("original_missing", homework.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task Originals_kept_by_older_versions_move_into_the_file_store_at_start_up()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "studyhub-tests", Guid.NewGuid().ToString("N"));
        var key = $"homework/{Guid.NewGuid():N}/{Guid.NewGuid():N}";
        var legacy = Path.Combine(dataDirectory, "uploads", key);
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        await File.WriteAllTextAsync(legacy, "2x + 3 = 11");
        await File.WriteAllTextAsync(legacy + "-2.partial", "half an upload");
        try
        {
            using var factory = new StudyHubFactory().With("DataDirectory", dataDirectory);
            var store = factory.Services.GetRequiredService<IFileStore>();

            await using var moved = await store.OpenAsync(key, default);
            Assert.NotNull(moved);
            Assert.Equal("2x + 3 = 11", await new StreamReader(moved.Content).ReadToEndAsync());
            Assert.False(File.Exists(legacy));
            Assert.True(File.Exists(legacy + "-2.partial"));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Deleting_removes_the_homework_its_problems_and_its_stored_files()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync(Worksheet);
        await _factory.RunReadingJobAsync(accepted.Id);
        var store = _factory.Services.GetRequiredService<IFileStore>();
        string[] keys;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyHub.Content.Data.ContentDbContext>();
            keys = db.Files.Where(f => f.HomeworkId == accepted.Id).Select(f => f.StorageKey).ToArray();
        }

        Assert.NotEmpty(keys);
        foreach (var k in keys)
        {
            Assert.True(await store.ExistsAsync(k, default));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/homework/{accepted.Id}", UriKind.Relative))).StatusCode);

        foreach (var k in keys)
        {
            Assert.False(await store.ExistsAsync(k, default));
        }

        await (await client.GetAsync(new Uri($"/api/v1/homework/{accepted.Id}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StudyHub.Content.Data.ContentDbContext>();
            Assert.False(db.Problems.Any(p => p.HomeworkId == accepted.Id));
            Assert.False(db.SearchChunks.Any(c => c.HomeworkId == accepted.Id));
        }
    }

    [Fact]
    public async Task My_homework_is_listed_newest_first_in_pages()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        foreach (var title in new[] { "first", "second", "third" })
        {
            await client.UploadTextAsync("1 + 1", title);
            _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page1 = await client.GetFromJsonAsync<HomeworkList>("/api/v1/homework?pageSize=2");
        var page2 = await client.GetFromJsonAsync<HomeworkList>("/api/v1/homework?pageSize=2&page=2");
        Assert.Equal(["third", "second"], page1!.Items.Select(i => i.Title));
        Assert.Equal(["first"], page2!.Items.Select(i => i.Title));
        Assert.Equal(3, page1.Total);
        await (await client.GetAsync(new Uri("/api/v1/homework?pageSize=500", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Uploads_are_checked_at_the_door()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        var unsupported = await (await client.UploadFileAsync("virus.exe", "application/x-msdownload", [1, 2, 3])).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("not a PDF", unsupported.FieldErrors("files").Single(), StringComparison.Ordinal);
        await (await client.UploadFileAsync("empty.txt", "text/plain", [])).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await client.PostAsync(new Uri("/api/v1/homework", UriKind.Relative), JsonContent.Create(new { text = "1+1" }))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        var traversal = await client.UploadFileAsync("../../etc/passwd.txt", "text/plain", HomeworkHost.Utf8("2 + 2"));
        Assert.Equal(HttpStatusCode.Accepted, traversal.StatusCode);
        var accepted = await traversal.Content.ReadFromJsonAsync<HomeworkAccepted>();
        var details = await client.GetFromJsonAsync<HomeworkDetails>($"/api/v1/homework/{accepted!.Id}");
        Assert.Equal("passwd.txt", details!.Files.Single().Name);
    }

    [Fact]
    public async Task Quotas_name_the_limit_that_was_reached()
    {
        using var factory = HomeworkHost.Create()
            .With("Content:UploadsPerDay", "2")
            .With("Content:MaxFileBytes", "2048")
            .With("Content:MaxStoredBytesPerUser", "4096");
        var student = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClientFor(student);

        var tooBig = await client.UploadFileAsync("big.txt", "text/plain", HomeworkHost.Utf8(new string('a', 3000)));
        Assert.Contains("per file", (await tooBig.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file_too_large")).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await client.UploadTextAsync(new string('a', 2100));
        var overStorage = await client.UploadFileAsync("more.txt", "text/plain", HomeworkHost.Utf8(new string('b', 2048)));
        await overStorage.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "storage_quota_exceeded");

        await client.UploadTextAsync("1 + 1");
        var third = await client.UploadFileAsync("third.txt", "text/plain", HomeworkHost.Utf8("2 + 2"));
        var daily = await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "daily_upload_quota_exceeded");
        Assert.Contains("2 a day", daily.GetProperty("detail").GetString(), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromHours(25));
        var login = await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        using var nextDay = factory.CreateClientFor(student with { AccessToken = login.GetProperty("accessToken").GetString()! });
        Assert.Equal(HttpStatusCode.Accepted, (await nextDay.UploadFileAsync("next.txt", "text/plain", HomeworkHost.Utf8("2 + 2"))).StatusCode);
    }

    [Fact]
    public async Task Search_finds_passages_of_my_homework_with_their_page_and_nobody_elses()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var other = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync("Photosynthesis happens in the chloroplast.\fThe mitochondria release energy by respiration.");
        await _factory.RunReadingJobAsync(accepted.Id);

        await using var scope = _factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<IHomeworkSearch>();
        var hits = await search.SearchAsync(student.Id, "Where is energy released? mitochondria", null, 5, CancellationToken.None);
        Assert.Equal(2, hits[0].Page);
        Assert.Contains("mitochondria", hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(accepted.Id, hits[0].HomeworkId);

        Assert.Empty(await search.SearchAsync(other.Id, "mitochondria", null, 5, CancellationToken.None));
        Assert.Empty(await search.SearchAsync(student.Id, "\"*) OR NEAR(", null, 5, CancellationToken.None));
        Assert.Empty(await search.SearchAsync(student.Id, "mitochondria", Guid.NewGuid(), 5, CancellationToken.None));
    }

    [Fact]
    public async Task Other_modules_read_a_homework_only_when_the_viewer_may_see_it()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var stranger = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var accepted = await client.UploadTextAsync(Worksheet);
        await _factory.RunReadingJobAsync(accepted.Id);

        await using var scope = _factory.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IHomeworkQueries>();
        var view = await queries.FindVisibleAsync(accepted.Id, student.Id, CancellationToken.None);
        Assert.True(view!.IsReady);
        Assert.Equal("x = 4", view.Problems[1].AnswerExact);
        Assert.Equal(2, view.PageTexts.Count);
        Assert.Null(await queries.FindVisibleAsync(accepted.Id, stranger.Id, CancellationToken.None));
    }
}
