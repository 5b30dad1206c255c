using StudyHub.Jobs.Data;

namespace StudyHub.Jobs.Running;

/// <summary>
/// Takes the next due job for one worker: a queued job whose time has come, or a running job whose
/// worker's lease ran out (it died). One statement, so two workers never take the same job.
/// </summary>
internal static class JobClaims
{
    // LOCK_CLAUSE on PostgreSQL: the sub-select locks the chosen row and skips rows other
    // workers have locked, so any number of worker processes claim in parallel without waiting on
    // each other; the UPDATE runs in the statement's own transaction, which ends with it. SQLite
    // has one writer at a time, so the single conditional UPDATE is already exclusive.
    private const string Claim = """
        UPDATE jobs SET "State" = 'Running', "Attempts" = "Attempts" + 1, "LeasedBy" = {0}, "LeaseExpiresAt" = {1}
        WHERE "Id" = (
            SELECT "Id" FROM jobs
            WHERE ("State" = 'Queued' AND "NextRunAt" <= {2}) OR ("State" = 'Running' AND "LeaseExpiresAt" <= {2})
            ORDER BY "NextRunAt"
            LIMIT 1
            LOCK_CLAUSE)
        RETURNING *
        """;

    private static readonly string Postgres = Claim.Replace("LOCK_CLAUSE", "FOR UPDATE SKIP LOCKED", StringComparison.Ordinal);
    private static readonly string Sqlite = Claim.Replace("LOCK_CLAUSE", "", StringComparison.Ordinal);

    public static async Task<Job?> ClaimNextAsync(JobsDbContext db, string workerId, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql() ? Postgres : Sqlite;
        var claimed = await db.Jobs.FromSqlRaw(sql, workerId, now + lease, now).AsNoTracking().ToListAsync(cancellationToken);
        return claimed.FirstOrDefault();
    }
}
