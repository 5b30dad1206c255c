using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;

namespace StudyHub.Identity.Data;

/// <summary>Accounts, sessions, classrooms, parent links and the security audit log.</summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__identity_migrations";

    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<Classroom> Classrooms => Set<Classroom>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<ParentLink> ParentLinks => Set<ParentLink>();

    public DbSet<ParentLinkCode> ParentLinkCodes => Set<ParentLinkCode>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    /// <summary>The ASP.NET Data Protection key ring (cookies, antiforgery), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyStudyHubConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
            user.Property(u => u.NormalizedEmail).HasMaxLength(User.MaxEmailLength);
            user.HasIndex(u => u.NormalizedEmail).IsUnique();
            user.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
            user.Property(u => u.PasswordHash).HasMaxLength(200);
            user.Property(u => u.PreferredLanguage).HasMaxLength(16);
            user.Property(u => u.TimeZone).HasMaxLength(64);
            user.Property(u => u.Theme).HasMaxLength(16);
            user.Property(u => u.ParentalConsentBasis).HasMaxLength(16);
        });

        modelBuilder.Entity<UserSession>(session =>
        {
            session.ToTable("user_sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.DeviceName).HasMaxLength(200);
            session.Property(s => s.IpAddress).HasMaxLength(64);
            session.Property(s => s.RevokedReason).HasMaxLength(64);
            session.HasIndex(s => s.UserId);
            session.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.ToTable("refresh_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.SessionId);
            token.HasOne<UserSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SigningKey>(key =>
        {
            key.ToTable("signing_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(64);
            key.Property(k => k.Algorithm).HasMaxLength(16);
            key.Property(k => k.PrivateKey).HasMaxLength(4096);
        });

        modelBuilder.Entity<Classroom>(classroom =>
        {
            classroom.ToTable("classrooms");
            classroom.HasKey(c => c.Id);
            classroom.Property(c => c.Name).HasMaxLength(Classroom.MaxNameLength);
            classroom.Property(c => c.Subject).HasMaxLength(Classroom.MaxSubjectLength);
            classroom.Property(c => c.Grade).HasMaxLength(Classroom.MaxGradeLength);
            classroom.Property(c => c.TimeZone).HasMaxLength(64);
            classroom.Property(c => c.JoinCode).HasMaxLength(16);
            classroom.HasIndex(c => c.JoinCode).IsUnique();
            classroom.HasIndex(c => c.TeacherId);
            classroom.HasOne<User>().WithMany().HasForeignKey(c => c.TeacherId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Enrollment>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => new { e.ClassroomId, e.StudentId });
            enrollment.HasIndex(e => e.StudentId);
            enrollment.HasOne<Classroom>().WithMany().HasForeignKey(e => e.ClassroomId).OnDelete(DeleteBehavior.Cascade);
            enrollment.HasOne<User>().WithMany().HasForeignKey(e => e.StudentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ParentLink>(link =>
        {
            link.ToTable("parent_links");
            link.HasKey(l => new { l.ParentId, l.StudentId });
            link.HasIndex(l => l.StudentId);
            link.HasOne<User>().WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<User>().WithMany().HasForeignKey(l => l.StudentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ParentLinkCode>(code =>
        {
            code.ToTable("parent_link_codes");
            code.HasKey(c => c.Id);
            code.Property(c => c.Code).HasMaxLength(16);
            code.HasIndex(c => c.Code).IsUnique();
            code.HasIndex(c => c.StudentId);
            code.HasOne<User>().WithMany().HasForeignKey(c => c.StudentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AccountToken>(token =>
        {
            token.ToTable("account_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Purpose).HasMaxLength(32);
            token.Property(t => t.SecretHash).HasMaxLength(64);
            token.Property(t => t.Email).HasMaxLength(User.MaxEmailLength);
            token.Property(t => t.UsedAt).IsConcurrencyToken();
            token.HasIndex(t => t.UserId);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        // Mails are queued in the same SaveChanges as the change that causes them (the outbox).
        modelBuilder.MapSharedJobsTable();

        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.EventType).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(500);
            entry.Property(e => e.CorrelationId).HasMaxLength(64);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.HasIndex(e => e.OccurredAt);
            entry.HasIndex(e => e.SubjectId);
        });
    }
}
