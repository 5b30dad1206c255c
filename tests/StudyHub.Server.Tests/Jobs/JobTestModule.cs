using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Data;
using StudyHub.Jobs.Running;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Jobs;

/// <summary>A note a user saves; saving it enqueues the job that "processes" it (the outbox).</summary>
internal sealed class TestNote
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>The job's result: at most one per note (unique), so a double run cannot hide.</summary>
internal sealed class TestNoteResult
{
    public Guid Id { get; set; }

    public Guid NoteId { get; set; }

    public Guid JobId { get; set; }

    public int Attempt { get; set; }

    public string Host { get; set; } = "";
}

/// <summary>How the test handler behaves for one note.</summary>
internal sealed record ProcessNote(Guid NoteId, int FailTimes = 0, bool Permanent = false, bool Block = false, int WorkMilliseconds = 0);

internal sealed record NoteAdded(Guid NoteId);

/// <summary>A module's own DbContext, as a real module writes it: its tables plus the shared jobs table.</summary>
internal sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
{
    public DbSet<TestNote> Notes => Set<TestNote>();

    public DbSet<TestNoteResult> Results => Set<TestNoteResult>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyStudyHubConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestNote>(note =>
        {
            note.ToTable("test_notes");
            note.HasKey(n => n.Id);
            note.Property(n => n.Text).HasMaxLength(100);
            note.HasIndex(n => n.Text).IsUnique();
        });
        modelBuilder.Entity<TestNoteResult>(result =>
        {
            result.ToTable("test_note_results");
            result.HasKey(r => r.Id);
            result.Property(r => r.Host).HasMaxLength(10);
            result.HasIndex(r => r.NoteId).IsUnique();
        });
        modelBuilder.MapSharedJobsTable();
    }
}

/// <summary>What happened across every test host (static: two hosts in one test share it; keys are unique per test).</summary>
internal static class JobTrace
{
    public static readonly ConcurrentDictionary<Guid, int> Invocations = new();
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Gates = new();
    public static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Started = new();
    public static readonly ConcurrentDictionary<Guid, int> EventsHandled = new();

    /// <summary>Notes whose processing fails until the test "fixes the cause" by removing them.</summary>
    public static readonly ConcurrentDictionary<Guid, bool> Broken = new();

    public static TaskCompletionSource Gate(Guid noteId) => Gates.GetOrAdd(noteId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static TaskCompletionSource StartedSignal(Guid noteId) => Started.GetOrAdd(noteId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

internal sealed record TestHostName(string Value);

internal sealed class ProcessNoteHandler(NotesDbContext db, TestHostName host) : IJobHandler
{
    public const string JobKind = "test.process-note";

    public string Kind => JobKind;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var request = job.ReadPayload<ProcessNote>();
        JobTrace.Invocations.AddOrUpdate(request.NoteId, 1, (_, n) => n + 1);
        JobTrace.StartedSignal(request.NoteId).TrySetResult();
        if (request.Permanent)
        {
            throw new PermanentJobFailureException("The note is unreadable.");
        }

        if (JobTrace.Broken.ContainsKey(request.NoteId))
        {
            throw new InvalidOperationException("the note service is down");
        }

        if (job.Attempt <= request.FailTimes)
        {
            throw new InvalidOperationException($"boom on attempt {job.Attempt}");
        }

        if (request.Block)
        {
            await JobTrace.Gate(request.NoteId).Task.WaitAsync(cancellationToken);
        }

        if (request.WorkMilliseconds > 0)
        {
            await Task.Delay(request.WorkMilliseconds, cancellationToken);
        }

        await job.ReportProgressAsync(50, "Writing the result", cancellationToken);
        db.Results.Add(new TestNoteResult { Id = Guid.NewGuid(), NoteId = request.NoteId, JobId = job.JobId, Attempt = job.Attempt, Host = host.Value });
        job.CompleteWith(db);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class CountNoteAdded : IIntegrationEventHandler<NoteAdded>
{
    public Task HandleAsync(NoteAdded integrationEvent, CancellationToken cancellationToken)
    {
        JobTrace.EventsHandled.AddOrUpdate(integrationEvent.NoteId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

internal static class JobTestHost
{
    /// <summary>A host with the notes module; <paramref name="host"/> names it in results.</summary>
    public static StudyHubFactory WithNotesModule(this StudyHubFactory factory, string host = "A") =>
        factory.WithServices(services =>
        {
            services.AddModuleDbContext<NotesDbContext>("__test_notes_migrations");
            services.AddSingleton(new TestHostName(host));
            services.AddJobHandler<ProcessNoteHandler>();
            services.AddIntegrationEventHandler<NoteAdded, CountNoteAdded>();
        });

    /// <summary>
    /// Creates the notes tables next to the migrated ones. This also proves that a module context
    /// mapping the shared jobs table leaves it alone: creating "jobs" again would fail.
    /// </summary>
    public static async Task CreateNotesTablesAsync(this StudyHubFactory factory)
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    /// <summary>Saves a note and its job in ONE SaveChanges (the outbox); returns the job id.</summary>
    public static async Task<Guid> SaveNoteAsync(this StudyHubFactory factory, ProcessNote request, string? text = null, int maxAttempts = 5)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        db.Notes.Add(new TestNote { Id = request.NoteId, Text = text ?? request.NoteId.ToString("N") });
        var job = db.EnqueueJob(ProcessNoteHandler.JobKind, request, factory.Clock, maxAttempts);
        await db.SaveChangesAsync();
        return job.Id;
    }

    public static async Task<Job> JobAsync(this StudyHubFactory factory, Guid jobId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    public static async Task<List<TestNoteResult>> ResultsAsync(this StudyHubFactory factory, Guid noteId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        return await db.Results.AsNoTracking().Where(r => r.NoteId == noteId).ToListAsync();
    }

    public static JobRunner Runner(this StudyHubFactory factory) => factory.Services.GetRequiredService<JobRunner>();

    /// <summary>
    /// Runs what is due and waits (real time) until no job of the kind is queued or running: the
    /// background runner may have claimed one first, and then it is that runner's to finish.
    /// </summary>
    public static async Task SettleJobsAsync(this StudyHubFactory factory, string kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await factory.Runner().RunDueJobsAsync();
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var unsettled = await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.AsNoTracking()
                .Where(j => j.Kind == kind && (j.State == JobState.Queued || j.State == JobState.Running))
                .Select(j => new { j.State, j.Attempts, j.LastError })
                .ToListAsync();
            if (unsettled.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{unsettled.Count} {kind} job(s) still unsettled; first: {unsettled[0]}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits (real time) until the job reaches the state; the runner works in the background.</summary>
    public static async Task<Job> WaitForStateAsync(this StudyHubFactory factory, Guid jobId, JobState state, int attempts = -1, Action? eachPoll = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var job = await factory.JobAsync(jobId);
            if (job.State == state && (attempts < 0 || job.Attempts == attempts))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Job {jobId} stayed {job.State} after {job.Attempts} attempts (wanted {state}); last error: {job.LastError}");
            }

            eachPoll?.Invoke();
            await Task.Delay(20);
        }
    }
}
