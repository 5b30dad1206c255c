using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice.Data;

/// <summary>Games, sessions, attempts, idempotency records and the learning-event log.</summary>
internal sealed class PracticeDbContext(DbContextOptions<PracticeDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__practice_migrations";

    public DbSet<Game> Games => Set<Game>();

    public DbSet<GameQuestion> Questions => Set<GameQuestion>();

    public DbSet<GameSession> Sessions => Set<GameSession>();

    public DbSet<QuestionDelivery> Deliveries => Set<QuestionDelivery>();

    public DbSet<AnswerAttempt> Attempts => Set<AnswerAttempt>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<LearningEvent> LearningEvents => Set<LearningEvent>();

    public DbSet<PlayerRecord> Players => Set<PlayerRecord>();

    public DbSet<BadgeAward> BadgeAwards => Set<BadgeAward>();

    public DbSet<LeaderboardScore> LeaderboardScores => Set<LeaderboardScore>();

    public DbSet<FlashcardDeck> FlashcardDecks => Set<FlashcardDeck>();

    public DbSet<QuestionReport> QuestionReports => Set<QuestionReport>();

    public DbSet<Flashcard> Flashcards => Set<Flashcard>();

    public DbSet<VoidedPoints> VoidedPoints => Set<VoidedPoints>();

    public DbSet<ExtendedTime> ExtendedTimes => Set<ExtendedTime>();

    public DbSet<FlashcardReview> FlashcardReviews => Set<FlashcardReview>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyStudyHubConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapSharedJobsTable();

        modelBuilder.Entity<Game>(game =>
        {
            game.ToTable("practice_games");
            game.HasKey(g => g.Id);
            game.Property(g => g.Title).HasMaxLength(Game.MaxTitleLength);
            game.Property(g => g.SkillId).HasMaxLength(100);
            game.HasIndex(g => g.OwnerId);
            game.HasMany(g => g.Questions).WithOne().HasForeignKey(q => q.GameId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<GameQuestion>(question =>
        {
            question.ToTable("practice_questions");
            question.HasKey(q => q.Id);
            question.Property(q => q.Type).HasConversion<string>().HasMaxLength(32);
            question.Property(q => q.SkillId).HasMaxLength(100);
            question.Property(q => q.Prompt).HasMaxLength(GameQuestion.MaxPromptLength);
            question.Property(q => q.Problem).HasMaxLength(GameQuestion.MaxPromptLength);
            question.Property(q => q.OptionsJson).HasMaxLength(8000);
            question.Property(q => q.AnswerKey).HasMaxLength(GameQuestion.MaxAnswerKeyLength);
            question.Property(q => q.AnswerText).HasMaxLength(GameQuestion.MaxAnswerKeyLength);
            question.Property(q => q.Explanation).HasMaxLength(8000);
            question.Property(q => q.MisconceptionsJson).HasMaxLength(8000);
            question.Property(q => q.HintsJson).HasMaxLength(8000);
            question.Property(q => q.Misconception).HasMaxLength(64);
            question.HasIndex(q => new { q.GameId, q.Position }).IsUnique();
        });

        modelBuilder.Entity<GameSession>(session =>
        {
            session.ToTable("practice_sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            session.HasIndex(s => new { s.StudentId, s.CreatedAt });
            session.HasOne<Game>().WithMany().HasForeignKey(s => s.GameId).OnDelete(DeleteBehavior.Cascade);
            session.Ignore(s => s.IsOver);
        });

        modelBuilder.Entity<QuestionDelivery>(delivery =>
        {
            delivery.ToTable("practice_deliveries");
            delivery.HasKey(d => new { d.SessionId, d.QuestionId });

            // Reports and voiding find everyone who was served a question.
            delivery.HasIndex(d => d.QuestionId);
            delivery.HasOne<GameSession>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AnswerAttempt>(attempt =>
        {
            attempt.ToTable("practice_attempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Answer).HasMaxLength(Features.SubmitAnswer.MaxAnswerLength);

            // Two concurrent attempts at the same question cannot both be attempt n.
            attempt.HasIndex(a => new { a.SessionId, a.QuestionId, a.Number }).IsUnique();
            attempt.HasOne<GameSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("practice_idempotency");
            record.HasKey(r => new { r.StudentId, r.Key });
            record.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
            record.Property(r => r.RequestHash).HasMaxLength(64);
            record.Property(r => r.ResponseJson).HasMaxLength(16000);
        });

        modelBuilder.Entity<LearningEvent>(entry =>
        {
            entry.ToTable("practice_learning_events");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.SkillId).HasMaxLength(100);
            entry.HasIndex(e => new { e.StudentId, e.OccurredAt });
            // Whole-log reads in time order (the LRS forwarding job, an administrator's export).
            entry.HasIndex(e => e.OccurredAt);
        });

        modelBuilder.Entity<PlayerRecord>(player =>
        {
            player.ToTable("practice_players");
            player.HasKey(p => p.StudentId);
        });

        modelBuilder.Entity<BadgeAward>(award =>
        {
            award.ToTable("practice_badge_awards");
            award.HasKey(a => new { a.StudentId, a.BadgeId });
            award.Property(a => a.BadgeId).HasMaxLength(32);
        });

        modelBuilder.Entity<LeaderboardScore>(score =>
        {
            score.ToTable("practice_leaderboard_scores");
            score.HasKey(s => new { s.PeriodKey, s.ScopeId, s.StudentId });
            score.Property(s => s.PeriodKey).HasMaxLength(LeaderboardPeriods.MaxKeyLength);

            // The board's order itself: top 100 is the first 100 entries of a range, a rank counts the entries before one.
            score.HasIndex(s => new { s.PeriodKey, s.ScopeId, s.Total, s.ReachedAt, s.StudentId })
                .IsDescending(false, false, true, false, false)
                .HasDatabaseName("IX_practice_leaderboard_scores_board_order");
            score.HasIndex(s => s.StudentId);
        });

        modelBuilder.Entity<FlashcardDeck>(deck =>
        {
            deck.ToTable("practice_flashcard_decks");
            deck.HasKey(d => d.Id);
            deck.Property(d => d.Title).HasMaxLength(FlashcardDeck.MaxTitleLength);
            deck.Property(d => d.SkillId).HasMaxLength(100);
            deck.HasIndex(d => d.StudentId);
            deck.HasMany(d => d.Cards).WithOne().HasForeignKey(c => c.DeckId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Flashcard>(card =>
        {
            card.ToTable("practice_flashcards");
            card.HasKey(c => c.Id);
            card.Property(c => c.Front).HasMaxLength(Flashcard.MaxSideLength);
            card.Property(c => c.Back).HasMaxLength(Flashcard.MaxSideLength);
            card.Property(c => c.SkillId).HasMaxLength(100);
            card.Ignore(c => c.IsNew);

            // "Due today" is a range over the student's cards by due time.
            card.HasIndex(c => new { c.StudentId, c.DueAt });
            card.HasIndex(c => c.DeckId);
        });

        modelBuilder.Entity<FlashcardReview>(review =>
        {
            review.ToTable("practice_flashcard_reviews");
            review.HasKey(r => r.Id);
            review.Property(r => r.Rating).HasConversion<string>().HasMaxLength(8);
            review.HasIndex(r => new { r.CardId, r.Number }).IsUnique();
            review.HasIndex(r => new { r.StudentId, r.ReviewedAt });
            review.HasOne<Flashcard>().WithMany().HasForeignKey(r => r.CardId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<QuestionReport>(report =>
        {
            report.ToTable("practice_question_reports");
            report.HasKey(r => r.Id);
            report.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
            report.Property(r => r.Comment).HasMaxLength(QuestionReport.MaxCommentLength);
            report.Property(r => r.Resolution).HasConversion<string>().HasMaxLength(16);

            // One report per student and question: a resent report finds the first one.
            report.HasIndex(r => new { r.QuestionId, r.StudentId }).IsUnique();
            report.HasIndex(r => new { r.GameId, r.ResolvedAt });
            report.HasOne<GameQuestion>().WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<VoidedPoints>(voided =>
        {
            voided.ToTable("practice_voided_points");

            // One row per question and session: voiding again finds it and takes nothing off twice.
            voided.HasKey(v => new { v.QuestionId, v.SessionId });
            voided.HasIndex(v => v.SessionId);
            voided.HasIndex(v => v.StudentId);
            voided.HasOne<GameQuestion>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ExtendedTime>(extended =>
        {
            extended.ToTable("practice_extended_time");
            extended.HasKey(e => new { e.ClassroomId, e.StudentId });
            extended.HasIndex(e => e.StudentId);
        });
    }
}
