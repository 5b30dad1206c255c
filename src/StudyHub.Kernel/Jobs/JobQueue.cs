using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace StudyHub.Kernel.Jobs;

/// <summary>
/// Enqueueing from a module. Every module DbContext that enqueues calls
/// <see cref="MapSharedJobsTable"/> in <c>OnModelCreating</c>; the table itself is created and
/// migrated by the jobs runner's own DbContext, so module migrations never touch it.
/// </summary>
public static class JobQueue
{
    public const string TableName = "jobs";

    /// <summary>How payloads (and integration events) are written and read.</summary>
    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <see cref="Job"/> onto the shared table, excluded from this context's migrations.</summary>
    public static ModelBuilder MapSharedJobsTable(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Job>(job => ConfigureJob(job, excludeFromMigrations: true));
        return modelBuilder;
    }

    /// <summary>The one mapping of the jobs table (the owner passes <c>excludeFromMigrations: false</c>).</summary>
    public static void ConfigureJob(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Job> job, bool excludeFromMigrations)
    {
        job.ToTable(TableName, table =>
        {
            if (excludeFromMigrations)
            {
                table.ExcludeFromMigrations();
            }
        });
        job.HasKey(j => j.Id);
        job.Property(j => j.Kind).HasMaxLength(Job.MaxKindLength);
        job.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        // The lease holder guards every write to a running job: a worker whose lease was taken
        // over (it stalled past its lease) cannot complete the job, so its results roll back.
        job.Property(j => j.LeasedBy).HasMaxLength(100).IsConcurrencyToken();
        job.Property(j => j.LastError).HasMaxLength(Job.MaxErrorLength);
        job.Property(j => j.ProgressMessage).HasMaxLength(Job.MaxProgressMessageLength);
        job.HasIndex(j => new { j.State, j.NextRunAt });
    }

    /// <summary>
    /// Adds a job to <paramref name="db"/>'s unit of work; it is committed by the caller's
    /// <c>SaveChangesAsync</c>, together with the data it belongs to.
    /// </summary>
    public static Job EnqueueJob<TPayload>(this DbContext db, string kind, TPayload payload, TimeProvider clock, int maxAttempts = 5)
    {
        var job = Job.Create(kind, JsonSerializer.Serialize(payload, PayloadJson), clock.GetUtcNow().UtcDateTime, maxAttempts);
        db.Set<Job>().Add(job);
        return job;
    }
}
