using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Jobs;

/// <summary>Several processes on one database: each job runs exactly once; roles split web and workers.</summary>
public sealed class JobClusterTests
{
    [Fact]
    public async Task Two_runner_hosts_on_one_database_run_every_job_exactly_once()
    {
        using var first = new StudyHubFactory().WithNotesModule("A");
        await first.CreateNotesTablesAsync();
        using var second = new StudyHubFactory().SharingDatabaseOf(first).WithNotesModule("B");
        _ = second.Server;

        var notes = Enumerable.Range(0, 40).Select(_ => new ProcessNote(Guid.NewGuid(), WorkMilliseconds: 15)).ToList();
        var jobIds = new List<Guid>();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
            foreach (var note in notes)
            {
                db.Notes.Add(new TestNote { Id = note.NoteId, Text = note.NoteId.ToString("N") });
                jobIds.Add(db.EnqueueJob(ProcessNoteHandler.JobKind, note, first.Clock).Id);
            }

            await db.SaveChangesAsync(); // wakes the first host's workers at once
        }

        // The second host learns of the jobs by polling; run its loop by hand, twice in parallel, as extra workers.
        await Task.WhenAll(second.Runner().RunDueJobsAsync(), second.Runner().RunDueJobsAsync());
        foreach (var jobId in jobIds)
        {
            await first.WaitForStateAsync(jobId, JobState.Succeeded);
        }

        await using var check = first.Services.CreateAsyncScope();
        var results = await check.ServiceProvider.GetRequiredService<NotesDbContext>().Results.AsNoTracking()
            .Where(r => notes.Select(n => n.NoteId).Contains(r.NoteId)).ToListAsync();
        Assert.Equal(40, results.Count);
        Assert.All(notes, note => Assert.Equal(1, JobTrace.Invocations[note.NoteId]));
        Assert.All(results, r => Assert.Equal(1, r.Attempt));
        Assert.Contains(results, r => r.Host == "A");
        Assert.Contains(results, r => r.Host == "B");
    }

    [Fact]
    public async Task A_web_process_enqueues_and_a_worker_process_runs_the_job()
    {
        using var web = new StudyHubFactory().With("Role", "Web").WithNotesModule("web");
        await web.CreateNotesTablesAsync();
        using var worker = new StudyHubFactory().SharingDatabaseOf(web).With("Role", "Worker").WithNotesModule("worker");

        var note = new ProcessNote(Guid.NewGuid());
        var jobId = await web.SaveNoteAsync(note);
        await Task.Delay(200);
        Assert.Equal(JobState.Queued, (await web.JobAsync(jobId)).State); // the web process runs no workers

        _ = worker.Server;
        await web.WaitForStateAsync(jobId, JobState.Succeeded, eachPoll: () => worker.Clock.Advance(TimeSpan.FromSeconds(1))); // the worker's polls
        Assert.Equal("worker", Assert.Single(await web.ResultsAsync(note.NoteId)).Host);

        // A worker serves health and metrics, not the API or the web UI.
        using var client = worker.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Job_metrics_count_runs_and_failures_by_kind()
    {
        using var factory = new StudyHubFactory().WithNotesModule();
        await factory.CreateNotesTablesAsync();
        var jobId = await factory.SaveNoteAsync(new ProcessNote(Guid.NewGuid(), Permanent: true));
        await factory.WaitForStateAsync(jobId, JobState.DeadLettered);
        await factory.WaitForStateAsync(await factory.SaveNoteAsync(new ProcessNote(Guid.NewGuid())), JobState.Succeeded);

        using var client = factory.CreateClient();
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        // Meters are process-wide and other test hosts run the same kind, so look for the series, not exact counts.
        Assert.Matches("(?m)^studyhub_jobs_failures_total\\{(?=[^}]*dead_lettered=\"true\")(?=[^}]*kind=\"test.process-note\")[^}]*\\} [1-9]", metrics);
        Assert.Matches("(?m)^studyhub_jobs_duration_seconds_count\\{(?=[^}]*kind=\"test.process-note\")(?=[^}]*outcome=\"succeeded\")[^}]*\\} [1-9]", metrics);
        Assert.Matches("(?m)^studyhub_jobs_queue_depth(\\{[^}]*\\})? [0-9]", metrics);
    }
}
