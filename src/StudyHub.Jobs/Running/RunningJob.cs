
namespace StudyHub.Jobs.Running;

/// <summary>The job as its handler sees it during one attempt.</summary>
internal sealed class RunningJob(Job claimed, string workerId, JobRunner runner) : JobExecution
{
    public override Guid JobId => claimed.Id;

    public override string Kind => claimed.Kind;

    public override string Payload => claimed.Payload;

    public override int Attempt => claimed.Attempts;

    /// <summary>Set once a handler's context took over the completion.</summary>
    public bool CompletedByHandler { get; private set; }

    public override Task ReportProgressAsync(int percent, string message, CancellationToken cancellationToken) =>
        runner.ReportProgressAsync(claimed.Id, workerId, Math.Clamp(percent, 0, 100), message, cancellationToken);

    public override void CompleteWith(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Model.FindEntityType(typeof(Job)) is null)
        {
            throw new InvalidOperationException($"{db.GetType().Name} does not map the shared jobs table; call modelBuilder.MapSharedJobsTable().");
        }

        // Attached as claimed (LeasedBy = this worker is the original value), so the UPDATE only
        // matches while this worker still holds the lease; otherwise the handler's SaveChanges
        // fails with a concurrency error and its results roll back with it.
        var entry = db.Set<Job>().Local.FindEntry(claimed.Id) ?? db.Attach(claimed);
        var now = runner.Now;
        entry.Entity.State = JobState.Succeeded;
        entry.Entity.CompletedAt = now;
        entry.Entity.LeaseExpiresAt = null;
        entry.Entity.LeasedBy = null;
        entry.Entity.Progress = 100;
        CompletedByHandler = true;
    }
}
