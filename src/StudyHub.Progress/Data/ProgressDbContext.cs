using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Data;

internal sealed class ProgressDbContext(DbContextOptions<ProgressDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__progress_migrations";

    public DbSet<SkillMastery> Masteries => Set<SkillMastery>();

    public DbSet<MasterySnapshot> Snapshots => Set<MasterySnapshot>();

    public DbSet<QuestionResult> QuestionResults => Set<QuestionResult>();

    public DbSet<AppliedEvent> AppliedEvents => Set<AppliedEvent>();

    public DbSet<SkillParameterSet> SkillParameters => Set<SkillParameterSet>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<CardMemory> CardMemories => Set<CardMemory>();

    public DbSet<Xapi.ForwardingPosition> ForwardingPositions => Set<Xapi.ForwardingPosition>();

    public DbSet<WeeklySummarySent> WeeklySummaries => Set<WeeklySummarySent>();

    public DbSet<ActivityEntry> Activities => Set<ActivityEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyStudyHubConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SkillMastery>(mastery =>
        {
            mastery.ToTable("progress_skill_mastery");
            mastery.HasKey(m => new { m.StudentId, m.SkillId });
            mastery.Property(m => m.SkillId).HasMaxLength(SkillMastery.MaxSkillIdLength);
            mastery.Property(m => m.Version).IsConcurrencyToken();
            mastery.Ignore(m => m.Stats);
        });

        modelBuilder.Entity<MasterySnapshot>(snapshot =>
        {
            snapshot.ToTable("progress_mastery_history");
            snapshot.HasKey(s => s.Id);
            snapshot.Property(s => s.SkillId).HasMaxLength(SkillMastery.MaxSkillIdLength);
            snapshot.HasIndex(s => new { s.StudentId, s.SkillId, s.RecordedAt });
        });

        modelBuilder.Entity<QuestionResult>(result =>
        {
            result.ToTable("progress_question_results");
            result.HasKey(r => new { r.StudentId, r.QuestionId });
            result.Property(r => r.SkillId).HasMaxLength(SkillMastery.MaxSkillIdLength);
            result.HasIndex(r => new { r.StudentId, r.SkillId });
        });

        modelBuilder.Entity<AppliedEvent>(applied =>
        {
            applied.ToTable("progress_applied_events");
            applied.HasKey(a => a.EventId);
        });

        modelBuilder.Entity<SkillParameterSet>(parameters =>
        {
            parameters.ToTable("progress_skill_parameters");
            parameters.HasKey(p => p.SkillId);
            parameters.Property(p => p.SkillId).HasMaxLength(SkillMastery.MaxSkillIdLength);
        });

        modelBuilder.Entity<Assignment>(assignment =>
        {
            assignment.ToTable("progress_assignments");
            assignment.HasKey(a => a.Id);
            assignment.Property(a => a.Title).HasMaxLength(Assignment.MaxTitleLength);
            assignment.HasIndex(a => new { a.ClassroomId, a.DueAt });
            assignment.HasMany(a => a.Students).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade)
                // PostgreSQL keeps 63 characters of a name; the generated one is longer.
                .HasConstraintName("FK_progress_assignment_students_assignment");
        });

        modelBuilder.Entity<CardMemory>(card =>
        {
            card.ToTable("progress_card_memory");
            card.HasKey(c => new { c.StudentId, c.CardId });
            card.Property(c => c.SkillId).HasMaxLength(SkillMastery.MaxSkillIdLength);
        });

        modelBuilder.Entity<Xapi.ForwardingPosition>(position =>
        {
            position.ToTable("progress_xapi_forwarding");
            position.HasKey(p => p.Endpoint);
            position.Property(p => p.Endpoint).HasMaxLength(Xapi.ForwardingPosition.MaxEndpointLength);
            position.Property(p => p.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<WeeklySummarySent>(summary =>
        {
            summary.ToTable("progress_weekly_summaries");
            summary.HasKey(w => new { w.ParentId, w.WeekEnding });
        });

        modelBuilder.Entity<ActivityEntry>(entry =>
        {
            entry.ToTable("progress_activity_log");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.ObjectId).HasMaxLength(ActivityEntry.MaxObjectIdLength);
            entry.Property(e => e.Name).HasMaxLength(ActivityEntry.MaxNameLength);
            entry.HasIndex(e => new { e.StudentId, e.OccurredAt });
            // Whole-log reads in time order (the LRS forwarding job, an administrator's export).
            entry.HasIndex(e => e.OccurredAt);
        });

        // The weekly summary's mail is enqueued with its record (outbox).
        modelBuilder.MapSharedJobsTable();

        modelBuilder.Entity<AssignmentStudent>(student =>
        {
            student.ToTable("progress_assignment_students");
            student.HasKey(s => new { s.AssignmentId, s.StudentId });
        });
    }
}
