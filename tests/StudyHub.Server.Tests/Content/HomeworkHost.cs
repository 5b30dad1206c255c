using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StudyHub.Content.Data;
using StudyHub.Content.Extraction;
using StudyHub.Content.Features;
using StudyHub.Content.Problems;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Content;

/// <summary>
/// A host for homework tests. Until the extraction engineer's reader and finder land, a plain-text
/// reader and a line-per-problem finder stand in (they follow the same contracts); until the jobs
/// runner lands, tests run the reading job themselves, as the runner would.
/// </summary>
internal static class HomeworkHost
{
    /// <summary>The real reader and problem finder (text, PDF, DOCX, photos) behind the pipeline.</summary>
    public static StudyHubFactory CreateWithRealReader() =>
        new StudyHubFactory().With("Role", "Web").WithServices(services => services.AddHostedService<JobsTableForTests>());

    // "Web" runs no job workers: these tests run the reading job themselves, step by step, so the
    // real runner must not race them to it (the runner has its own tests).
    public static StudyHubFactory Create() => new StudyHubFactory().With("Role", "Web").WithServices(services =>
    {
        services.RemoveAll<IDocumentReader>();
        services.RemoveAll<IProblemFinder>();
        services.AddSingleton<IDocumentReader, TextPagesReader>();
        services.AddSingleton<IProblemFinder, LinePerProblemFinder>();
        services.AddHostedService<JobsTableForTests>();
    });

    public static async Task<HomeworkAccepted> UploadTextAsync(this HttpClient client, string text, string? title = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        var response = await client.PostAsync(new Uri("/api/v1/homework", UriKind.Relative), form);
        await ApiClient.EnsureSuccessAsync(response);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<HomeworkAccepted>())!;
    }

    public static Task<HttpResponseMessage> UploadFileAsync(this HttpClient client, string fileName, string contentType, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "files", fileName } };
        return client.PostAsync(new Uri("/api/v1/homework", UriKind.Relative), form);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Runs the reading job of a homework once, as the job runner would; returns what the handler threw, if anything.</summary>
    public static async Task<Exception?> RunReadingJobAsync(this StudyHubFactory factory, Guid homeworkId, int attempt = 1)
    {
        await EnsureJobsTableAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var jobs = await db.Set<Job>().AsNoTracking().Where(j => j.Kind == ReadHomework.JobKind).ToListAsync();
        var job = jobs.Single(j => j.Payload.Contains(homeworkId.ToString(), StringComparison.OrdinalIgnoreCase));
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().Single(h => h.Kind == ReadHomework.JobKind);
        try
        {
            await handler.HandleAsync(new TestJobExecution(job, attempt), CancellationToken.None);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    public static Task EnsureJobsTableAsync(StudyHubFactory factory) => EnsureJobsTableAsync(factory.Services);

    /// <summary>The shared jobs table belongs to the jobs runner's migrations; tests make it when the runner is not there yet.</summary>
    public static async Task EnsureJobsTableAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        try
        {
            await db.Set<Job>().AnyAsync();
            return;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            // Not there yet: make it from the one shared mapping.
        }

        var options = new DbContextOptionsBuilder<JobsOnly>();
        var provider = StudyHubFactory.UsesPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        DatabaseRegistration.Configure(options, provider, scope.ServiceProvider.GetRequiredService<ResolvedConnectionString>().Value, "__jobs_test_history");
        await using var jobs = new JobsOnly(options.Options);
        await jobs.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    /// <summary>Completes the job as the runner does: inside the handler's unit of work.</summary>
    private sealed class TestJobExecution(Job job, int attempt) : JobExecution
    {
        public override Guid JobId => job.Id;

        public override string Kind => job.Kind;

        public override string Payload => job.Payload;

        public override int Attempt => attempt;

        public List<string> Progress { get; } = [];

        public override Task ReportProgressAsync(int percent, string message, CancellationToken cancellationToken)
        {
            Progress.Add($"{percent}% {message}");
            return Task.CompletedTask;
        }

        public override void CompleteWith(DbContext db)
        {
            var tracked = db.Set<Job>().Attach(job).Entity;
            tracked.State = JobState.Succeeded;
            tracked.CompletedAt = DateTime.UtcNow;
        }
    }

    /// <summary>Starts after the host migrated its databases, so uploads can enqueue their job from the first request.</summary>
    private sealed class JobsTableForTests(IServiceProvider services) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => EnsureJobsTableAsync(services);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class JobsOnly(DbContextOptions<JobsOnly> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Job>(job => JobQueue.ConfigureJob(job, excludeFromMigrations: false));
    }

    /// <summary>Text files as they are; pages split at form feeds. "%CORRUPT" makes a file unreadable.</summary>
    private sealed class TextPagesReader : IDocumentReader
    {
        public async Task<ExtractedDocument> ReadAsync(IReadOnlyList<SourceFile> files, IProgress<ReadingProgress>? progress, CancellationToken cancellationToken)
        {
            var texts = new List<string>();
            foreach (var file in files)
            {
                if (file.Format != SourceFormat.Text)
                {
                    throw new UnreadableDocumentException("unsupported_format", $"'{file.DisplayName}' cannot be read by the test reader.");
                }

                var text = await File.ReadAllTextAsync(file.LocalPath, cancellationToken);
                if (text.StartsWith("%CORRUPT", StringComparison.Ordinal))
                {
                    throw new UnreadableDocumentException("corrupt_file", $"'{file.DisplayName}' is damaged and cannot be read.");
                }

                texts.AddRange(text.Split('\f'));
            }

            var pages = new List<ExtractedPage>();
            for (var i = 0; i < texts.Count; i++)
            {
                progress?.Report(new ReadingProgress(i, texts.Count));
                pages.Add(new ExtractedPage(i + 1, texts[i], null, ExtractionMethod.PlainText));
            }

            progress?.Report(new ReadingProgress(texts.Count, texts.Count));
            return new ExtractedDocument(pages);
        }
    }

    /// <summary>One problem per line; a line ending in ':' is the instruction of the lines under it; "??" marks a doubtful reading.</summary>
    private sealed class LinePerProblemFinder : IProblemFinder
    {
        public IReadOnlyList<FoundProblem> Find(ExtractedDocument document)
        {
            var found = new List<FoundProblem>();
            foreach (var page in document.Pages)
            {
                string? instruction = null;
                foreach (var line in page.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    if (line.EndsWith(':'))
                    {
                        instruction = line;
                        continue;
                    }

                    var doubtful = line.StartsWith("??", StringComparison.Ordinal);
                    found.Add(new FoundProblem(page.Number, (found.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), doubtful ? line[2..].Trim() : line, instruction, doubtful ? 0.3 : 0.95));
                }
            }

            return found;
        }
    }
}
