using StudyHub.Content.Search;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;

namespace StudyHub.Content.Data;

/// <summary>Homework, its files, pages and problems, and the search chunks over its text.</summary>
internal sealed class ContentDbContext(DbContextOptions<ContentDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__content_migrations";

    public DbSet<Homework> Homework => Set<Homework>();

    public DbSet<HomeworkFile> Files => Set<HomeworkFile>();

    public DbSet<HomeworkPage> Pages => Set<HomeworkPage>();

    public DbSet<HomeworkProblem> Problems => Set<HomeworkProblem>();

    public DbSet<SearchChunk> SearchChunks => Set<SearchChunk>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyStudyHubConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapSharedJobsTable();

        modelBuilder.Entity<Homework>(homework =>
        {
            homework.ToTable("homework");
            homework.HasKey(h => h.Id);
            homework.Property(h => h.Title).HasMaxLength(Domain.Homework.MaxTitleLength);
            homework.Property(h => h.Status).HasConversion<string>().HasMaxLength(24);
            homework.Property(h => h.FailureReason).HasMaxLength(Domain.Homework.MaxReasonLength);
            homework.Property(h => h.FailureCode).HasMaxLength(64);
            homework.Property(h => h.ProgressMessage).HasMaxLength(200);
            homework.Property(h => h.Subject).HasMaxLength(40);
            homework.HasIndex(h => new { h.OwnerId, h.CreatedAt });
            homework.HasMany(h => h.Files).WithOne().HasForeignKey(f => f.HomeworkId).OnDelete(DeleteBehavior.Cascade);
            homework.HasMany(h => h.Pages).WithOne().HasForeignKey(p => p.HomeworkId).OnDelete(DeleteBehavior.Cascade);
            homework.HasMany(h => h.Problems).WithOne().HasForeignKey(p => p.HomeworkId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<HomeworkFile>(file =>
        {
            file.ToTable("homework_files");
            file.HasKey(f => f.Id);
            file.Property(f => f.StorageKey).HasMaxLength(300);
            file.Property(f => f.FileName).HasMaxLength(HomeworkFile.MaxNameLength);
            file.Property(f => f.Format).HasMaxLength(16);
        });

        modelBuilder.Entity<HomeworkPage>(page =>
        {
            page.ToTable("homework_pages");
            page.HasKey(p => p.Id);
            page.Property(p => p.Method).HasMaxLength(16);
            page.HasIndex(p => new { p.HomeworkId, p.Number }).IsUnique();
        });

        modelBuilder.Entity<HomeworkProblem>(problem =>
        {
            problem.ToTable("homework_problems");
            problem.HasKey(p => p.Id);
            problem.Property(p => p.Label).HasMaxLength(40);
            problem.Property(p => p.Text).HasMaxLength(HomeworkProblem.MaxTextLength);
            problem.Property(p => p.Instruction).HasMaxLength(500);
            problem.Property(p => p.Subject).HasMaxLength(40);
            problem.Property(p => p.SkillId).HasMaxLength(80);
            problem.Property(p => p.AnswerExact).HasMaxLength(500);
            problem.Property(p => p.AnswerDecimal).HasMaxLength(500);
            problem.Property(p => p.NoAnswerKeyReason).HasMaxLength(300);

            // Unique per position: a job run twice cannot leave the same problem twice.
            problem.HasIndex(p => new { p.HomeworkId, p.Position }).IsUnique();
        });

        // The full-text index over these rows is provider-specific and made by the migration only:
        // an FTS5 table kept in step by triggers (SQLite), a generated tsvector column with a GIN index (PostgreSQL).
        modelBuilder.Entity<SearchChunk>(chunk =>
        {
            chunk.ToTable("homework_chunks");
            chunk.HasKey(c => c.Id);
            chunk.HasIndex(c => c.HomeworkId);
            chunk.HasIndex(c => c.OwnerId);
            chunk.HasOne<Homework>().WithMany().HasForeignKey(c => c.HomeworkId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
