using StudyHub.Kernel.Data;

namespace StudyHub.Jobs.Data;

/// <summary>
/// Owns the shared <c>jobs</c> table: creates and migrates it, and is what the runner claims and
/// updates jobs through. Modules only map the table (excluded from their migrations) to enqueue.
/// </summary>
internal sealed class JobsDbContext(DbContextOptions<JobsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__jobs_migrations";

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<JobSchedule> Schedules => Set<JobSchedule>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyStudyHubConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Job>(job => JobQueue.ConfigureJob(job, excludeFromMigrations: false));
        modelBuilder.Entity<JobSchedule>(schedule =>
        {
            schedule.ToTable("job_schedules");
            schedule.HasKey(s => s.Kind);
            schedule.Property(s => s.Kind).HasMaxLength(Job.MaxKindLength);
            schedule.Property(s => s.NextRunAt).IsConcurrencyToken();
        });
    }
}
