using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyHub.Jobs.Data;
using StudyHub.Kernel.Telemetry;

namespace StudyHub.Jobs.Running;

/// <summary>
/// Runs due jobs in this process: <see cref="JobsOptions.Concurrency"/> workers, each claiming one
/// job at a time under a lease, running its handler in a fresh DI scope, then recording success,
/// a retry with backoff, or the dead letter. Workers wake when a job is enqueued in this process
/// and poll otherwise. Any number of processes can run it against one database.
/// </summary>
internal sealed class JobRunner(
    IServiceScopeFactory scopes,
    JobDispatch dispatch,
    JobSignal signal,
    JobMetrics metrics,
    JobWorkersSwitch workers,
    RecurringJobScheduler scheduler,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly JobsOptions _options = options.Value;

    /// <summary>This runner in the <c>LeasedBy</c> column: host, process and a per-start nonce.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs every job due now, one after another, and returns how many ran (tests call this to run jobs deterministically).</summary>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken = default)
    {
        var ran = 0;
        while (await TryRunNextAsync(cancellationToken))
        {
            ran++;
        }

        return ran;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!workers.Enabled)
        {
            return;
        }

        var loops = Enumerable.Range(0, _options.Concurrency).Select(_ => WorkAsync(stoppingToken)).ToList();
        loops.Add(CountQueueAsync(stoppingToken));
        if (scheduler.HasSchedules)
        {
            loops.Add(EnqueueRecurringJobsAsync(stoppingToken));
        }

        await Task.WhenAll(loops);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first database round trip.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.NextPulse;
            bool ran;
            try
            {
                ran = await TryRunNextAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database is down or busy: keep the worker alive and try again at the next poll.
                logger.LogWarning(exception, "Could not claim a job");
                ran = false;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!ran)
            {
                await WaitAsync(wake, _options.PollInterval, stoppingToken);
            }
        }
    }

    private async Task WaitAsync(Task wake, TimeSpan delay, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(delay, clock, waiting.Token);
        await Task.WhenAny(wake, poll);
        await waiting.CancelAsync(); // drop the poll timer when woken early
    }

    private async Task CountQueueAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
                var now = Now;
                metrics.QueueDepth(await db.Jobs.CountAsync(j => j.State == JobState.Queued && j.NextRunAt <= now, stoppingToken));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(exception, "Could not count the job queue");
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await WaitAsync(Task.Delay(Timeout.Infinite, stoppingToken), _options.PollInterval * 5, stoppingToken);
        }
    }

    private async Task EnqueueRecurringJobsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A job enqueued here wakes this process's workers through JobEnqueuedInterceptor.
                await scheduler.EnqueueDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not enqueue recurring jobs");
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await WaitAsync(Task.Delay(Timeout.Infinite, stoppingToken), _options.ScheduleCheckInterval, stoppingToken);
        }
    }

    private async Task<bool> TryRunNextAsync(CancellationToken stoppingToken)
    {
        Job? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            job = await JobClaims.ClaimNextAsync(db, WorkerId, Now, _options.LeaseDuration, stoppingToken);
        }

        if (job is null)
        {
            return false;
        }

        await RunAsync(job, stoppingToken);
        return true;
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        using var activity = StudyHubTelemetry.ActivitySource.StartActivity("job " + job.Kind);
        activity?.SetTag("job.id", job.Id);
        activity?.SetTag("job.kind", job.Kind);
        activity?.SetTag("job.attempt", job.Attempts);
        var started = clock.GetTimestamp();

        if (job.Attempts > job.MaxAttempts)
        {
            // Only a worker that died (or stalled past its lease) on every attempt gets here.
            await FinishFailedAsync(job, $"The job's worker stopped during all {job.MaxAttempts} attempts (process killed or lease expired).", deadLetter: true);
            metrics.Ran(job.Kind, "dead_lettered", clock.GetElapsedTime(started));
            return;
        }

        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeatEvery = _options.LeaseDuration / 3;
        await using var heartbeat = clock.CreateTimer(_ => _ = RenewLeaseAsync(job.Id, leaseLost), null, heartbeatEvery, heartbeatEvery);
        var execution = new RunningJob(job, WorkerId, this);
        string outcome;
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                await dispatch.RunAsync(scope.ServiceProvider, execution, leaseLost.Token);
            }

            if (!execution.CompletedByHandler)
            {
                await UpdateOwnAsync(job.Id, set => set
                    .SetProperty(j => j.State, JobState.Succeeded)
                    .SetProperty(j => j.CompletedAt, Now)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(j => j.LeasedBy, (string?)null)
                    .SetProperty(j => j.Progress, 100));
            }

            outcome = "succeeded";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the job back untouched (this attempt does not count) for the next start or another worker.
            await UpdateOwnAsync(job.Id, set => set
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.LeasedBy, (string?)null));
            outcome = "interrupted";
        }
        catch (Exception exception) when (leaseLost.IsCancellationRequested
            || (exception is DbUpdateConcurrencyException conflict && conflict.Entries.Any(e => e.Entity is Job)))
        {
            // Another worker took the job over after this one's lease ran out; its run counts, not this one.
            logger.LogWarning("Job {JobId} ({Kind}) lost its lease; another worker runs it", job.Id, job.Kind);
            outcome = "lease_lost";
        }
        catch (Exception exception)
        {
            var permanent = exception is PermanentJobFailureException;
            var deadLetter = permanent || job.Attempts >= job.MaxAttempts;
            await FinishFailedAsync(job, Describe(exception), deadLetter);
            logger.Log(deadLetter ? LogLevel.Error : LogLevel.Warning, exception, "Job {JobId} ({Kind}) failed on attempt {Attempt} of {MaxAttempts}", job.Id, job.Kind, job.Attempts, job.MaxAttempts);
            metrics.Failed(job.Kind, deadLetter);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            outcome = deadLetter ? "dead_lettered" : "retrying";
        }

        activity?.SetTag("job.outcome", outcome);
        metrics.Ran(job.Kind, outcome, clock.GetElapsedTime(started));
    }

    private async Task FinishFailedAsync(Job job, string error, bool deadLetter)
    {
        var now = Now;
        await UpdateOwnAsync(job.Id, set => set
            .SetProperty(j => j.State, deadLetter ? JobState.DeadLettered : JobState.Queued)
            .SetProperty(j => j.NextRunAt, deadLetter ? now : now + RetryDelay(job.Attempts))
            .SetProperty(j => j.CompletedAt, deadLetter ? now : null)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(j => j.LeasedBy, (string?)null));
    }

    /// <summary>Exponential backoff with "equal jitter": between half and all of base × 2^(attempt−1), capped.</summary>
    internal TimeSpan RetryDelay(int attempt)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = exponential < _options.MaxRetryDelay ? exponential : _options.MaxRetryDelay;
        return (capped / 2) + (capped / 2 * Random.Shared.NextDouble());
    }

    /// <summary>The message chain without stack traces: what an administrator reads on the dead-letter page.</summary>
    internal static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null && parts.Count < 4; current = current.InnerException)
        {
            parts.Add(current is PermanentJobFailureException ? current.Message : $"{current.GetType().Name}: {current.Message}");
        }

        var text = string.Join(" → ", parts);
        return text.Length <= Job.MaxErrorLength ? text : text[..(Job.MaxErrorLength - 1)] + "…";
    }

    public async Task ReportProgressAsync(Guid jobId, string workerId, int percent, string message, CancellationToken cancellationToken)
    {
        var text = message.Length <= Job.MaxProgressMessageLength ? message : message[..Job.MaxProgressMessageLength];
        var lease = Now + _options.LeaseDuration;
        await UpdateOwnAsync(jobId, set => set
            .SetProperty(j => j.Progress, percent)
            .SetProperty(j => j.ProgressMessage, text)
            .SetProperty(j => j.LeaseExpiresAt, lease), workerId, cancellationToken);
    }

    private async Task RenewLeaseAsync(Guid jobId, CancellationTokenSource leaseLost)
    {
        try
        {
            var lease = Now + _options.LeaseDuration;
            if (await UpdateOwnAsync(jobId, set => set.SetProperty(j => j.LeaseExpiresAt, lease)) == 0)
            {
                await leaseLost.CancelAsync();
            }
        }
        catch (Exception exception) when (exception is not ObjectDisposedException)
        {
            logger.LogWarning(exception, "Could not renew the lease of job {JobId}", jobId);
        }
        catch (ObjectDisposedException)
        {
            // The run ended while the heartbeat fired.
        }
    }

    /// <summary>Updates the job only while this worker holds it (a worker never overwrites a job another one took over).</summary>
    private async Task<int> UpdateOwnAsync(
        Guid jobId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Job>> set,
        string? workerId = null,
        CancellationToken cancellationToken = default)
    {
        var owner = workerId ?? WorkerId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        return await db.Jobs.Where(j => j.Id == jobId && j.LeasedBy == owner && j.State == JobState.Running)
            .ExecuteUpdateAsync(set, cancellationToken);
    }
}

/// <summary>Whether this process runs job workers (not in the <c>web</c> role).</summary>
internal sealed record JobWorkersSwitch(bool Enabled);
