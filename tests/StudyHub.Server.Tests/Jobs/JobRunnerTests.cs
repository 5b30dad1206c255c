using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Jobs;

/// <summary>The durable job runner on one host: outbox, retries, dead letters, crashes.</summary>
public sealed class JobRunnerTests : IAsyncLifetime
{
    private readonly StudyHubFactory _factory = new StudyHubFactory().With("Jobs:RetryBaseDelay", "00:00:10").WithNotesModule();

    public async Task InitializeAsync() => await _factory.CreateNotesTablesAsync();

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_job_saved_with_its_data_runs_at_once_without_waiting_for_a_poll()
    {
        var note = new ProcessNote(Guid.NewGuid());
        var jobId = await _factory.SaveNoteAsync(note);

        // The clock never moves: only the after-save signal can have woken the worker.
        var job = await _factory.WaitForStateAsync(jobId, JobState.Succeeded);

        Assert.Equal((1, 100, (string?)null, (DateTime?)_factory.Clock.GetUtcNow().UtcDateTime), (job.Attempts, job.Progress, job.LeasedBy, job.CompletedAt));
        var result = Assert.Single(await _factory.ResultsAsync(note.NoteId));
        Assert.Equal(jobId, result.JobId);
    }

    [Fact]
    public async Task A_failed_save_leaves_no_job_behind()
    {
        var first = new ProcessNote(Guid.NewGuid());
        await _factory.SaveNoteAsync(first, text: "same text " + first.NoteId);
        var duplicate = new ProcessNote(Guid.NewGuid());

        await Assert.ThrowsAsync<DbUpdateException>(() => _factory.SaveNoteAsync(duplicate, text: "same text " + first.NoteId));

        await using var scope = _factory.Services.CreateAsyncScope();
        var jobs = await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(jobs, j => j.Payload.Contains(duplicate.NoteId.ToString(), StringComparison.Ordinal));
        Assert.Contains(jobs, j => j.Payload.Contains(first.NoteId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_growing_backoff_and_then_succeeds()
    {
        var note = new ProcessNote(Guid.NewGuid(), FailTimes: 2);
        var start = _factory.Clock.GetUtcNow().UtcDateTime;
        var jobId = await _factory.SaveNoteAsync(note);

        var afterFirst = await _factory.WaitForStateAsync(jobId, JobState.Queued, attempts: 1);
        Assert.Equal("InvalidOperationException: boom on attempt 1", afterFirst.LastError);
        Assert.InRange(afterFirst.NextRunAt, start.AddSeconds(5), start.AddSeconds(10)); // base 10 s, equal jitter

        await AdvanceAsync(TimeSpan.FromSeconds(10));
        var afterSecond = await _factory.WaitForStateAsync(jobId, JobState.Queued, attempts: 2);
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(afterSecond.NextRunAt, now.AddSeconds(10), now.AddSeconds(20)); // doubled
        Assert.Empty(await _factory.ResultsAsync(note.NoteId));

        await AdvanceAsync(TimeSpan.FromSeconds(20));
        var done = await _factory.WaitForStateAsync(jobId, JobState.Succeeded);
        Assert.Equal(3, done.Attempts);
        Assert.Equal(3, Assert.Single(await _factory.ResultsAsync(note.NoteId)).Attempt);
    }

    [Fact]
    public async Task A_job_out_of_attempts_is_dead_lettered_with_a_readable_reason()
    {
        var note = new ProcessNote(Guid.NewGuid(), FailTimes: 99);
        var jobId = await _factory.SaveNoteAsync(note, maxAttempts: 2);
        await _factory.WaitForStateAsync(jobId, JobState.Queued, attempts: 1);

        await AdvanceAsync(TimeSpan.FromSeconds(10));
        var dead = await _factory.WaitForStateAsync(jobId, JobState.DeadLettered);

        Assert.Equal(2, dead.Attempts);
        Assert.Equal("InvalidOperationException: boom on attempt 2", dead.LastError);
        Assert.DoesNotContain(" at ", dead.LastError, StringComparison.Ordinal); // no stack trace

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await _factory.Runner().RunDueJobsAsync());
        Assert.Equal(2, JobTrace.Invocations[note.NoteId]);
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_lettered_at_once()
    {
        var note = new ProcessNote(Guid.NewGuid(), Permanent: true);
        var jobId = await _factory.SaveNoteAsync(note);

        var dead = await _factory.WaitForStateAsync(jobId, JobState.DeadLettered);

        Assert.Equal((1, "The note is unreadable."), (dead.Attempts, dead.LastError));
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_taken_over_after_its_lease_and_completes_once()
    {
        // What kill -9 leaves behind: the job Running, leased by a process that no longer exists.
        var note = new ProcessNote(Guid.NewGuid());
        var jobId = await _factory.SaveNoteAsync(note, maxAttempts: 3);
        await _factory.WaitForStateAsync(jobId, JobState.Succeeded);
        var expires = _factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            await db.Database.ExecuteSqlAsync($"DELETE FROM test_note_results");
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.LeasedBy, "dead-host/4242/deadbeef")
                .SetProperty(j => j.LeaseExpiresAt, expires)
                .SetProperty(j => j.CompletedAt, (DateTime?)null));
        }

        Assert.Equal(0, await _factory.Runner().RunDueJobsAsync()); // the lease still holds
        _factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await _factory.Runner().RunDueJobsAsync();
        var done = await _factory.WaitForStateAsync(jobId, JobState.Succeeded);

        Assert.Equal(2, done.Attempts);
        Assert.Single(await _factory.ResultsAsync(note.NoteId));
        Assert.Equal(0, await _factory.Runner().RunDueJobsAsync());
    }

    [Fact]
    public async Task A_stalled_worker_that_lost_its_lease_cannot_commit_its_results()
    {
        var note = new ProcessNote(Guid.NewGuid(), Block: true);
        var jobId = await _factory.SaveNoteAsync(note);
        await JobTrace.StartedSignal(note.NoteId).Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Another worker took the job over while this one stalled.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeasedBy, "other-host/1/cafebabe"));
        }

        JobTrace.Gate(note.NoteId).SetResult();
        await Task.Delay(300);

        Assert.Empty(await _factory.ResultsAsync(note.NoteId));
        var job = await _factory.JobAsync(jobId);
        Assert.Equal((JobState.Running, "other-host/1/cafebabe"), (job.State, job.LeasedBy));
    }

    [Fact]
    public async Task Progress_is_recorded_and_an_event_reaches_its_handler()
    {
        var noteId = Guid.NewGuid();
        Guid eventJobId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
            db.Notes.Add(new TestNote { Id = noteId, Text = "event " + noteId });
            eventJobId = db.PublishEvent(new NoteAdded(noteId), _factory.Clock).Id;
            await db.SaveChangesAsync();
        }

        var job = await _factory.WaitForStateAsync(eventJobId, JobState.Succeeded);

        Assert.Equal("event.NoteAdded", job.Kind);
        Assert.Equal(1, JobTrace.EventsHandled[noteId]);
    }

    [Fact]
    public async Task A_job_of_an_unknown_kind_is_retried_then_dead_lettered_with_the_reason()
    {
        Guid jobId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
            jobId = db.EnqueueJob("test.nobody-handles-this", new { }, _factory.Clock, maxAttempts: 1).Id;
            await db.SaveChangesAsync();
        }

        var dead = await _factory.WaitForStateAsync(jobId, JobState.DeadLettered);

        Assert.Equal("InvalidOperationException: No handler for job kind 'test.nobody-handles-this' is registered in this process.", dead.LastError);
    }

    /// <summary>
    /// Moves time on and runs what came due here: the background workers' poll timers fire on the
    /// fake clock too, but one may be set just after the move, so don't depend on them.
    /// </summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        _factory.Clock.Advance(by);
        await _factory.Runner().RunDueJobsAsync();
    }
}
