using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Privacy;

namespace StudyHub.Practice.Data;

/// <summary>
/// The Practice module's part of a GDPR export and erasure: the games a user made, every session
/// they played with each answer they typed, their learning-event log, points, streaks, badges,
/// leaderboard entries, flashcards with their reviews, the questions they reported, points voided
/// by reports, and extended-time settings.
/// </summary>
/// <remarks>
/// A game someone else has played stays after its maker is erased: it is class material (an
/// assignment's game), and deleting it would take the other players' sessions with it. A game
/// only its maker played (typically one made from their own homework) goes with them.
/// </remarks>
internal sealed class PracticePersonalData(PracticeDbContext db) : IPersonalDataContributor
{
    public string Section => "practice";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.StudentId == userId).OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.GameId, state = s.State.ToString(), s.Score, s.QuestionsRight, s.ExtendedTimePercent, s.CreatedAt, s.EndedAt })
            .ToListAsync(cancellationToken);
        var answers = await db.Attempts.AsNoTracking()
            .Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.StudentId == userId))
            .OrderBy(a => a.AnsweredAt)
            .Select(a => new { a.SessionId, a.QuestionId, a.Number, a.Answer, a.FractionPermille, a.Points, a.HintsUsed, a.TimeTakenMs, a.AnsweredAt })
            .ToListAsync(cancellationToken);
        var player = await db.Players.AsNoTracking().Where(p => p.StudentId == userId)
            .Select(p => new { p.TotalPoints, p.GamesCompleted, p.StreakDays, p.LongestStreakDays, p.LastPlayedOn, p.FreezesAvailable })
            .SingleOrDefaultAsync(cancellationToken);
        var decks = await db.FlashcardDecks.AsNoTracking().Include(d => d.Cards).Where(d => d.StudentId == userId).OrderBy(d => d.CreatedAt)
            .ToListAsync(cancellationToken);
        return new
        {
            gamesMade = await db.Games.AsNoTracking().Where(g => g.OwnerId == userId).OrderBy(g => g.CreatedAt)
                .Select(g => new { g.Id, g.Title, g.SkillId, g.HomeworkId, g.CreatedAt, questions = g.Questions.Count })
                .ToListAsync(cancellationToken),
            sessions,
            answers,
            learningEvents = await db.LearningEvents.AsNoTracking().Where(e => e.StudentId == userId).OrderBy(e => e.OccurredAt)
                .Select(e => new { kind = e.Kind.ToString(), e.SessionId, e.QuestionId, e.SkillId, e.Correct, e.Attempt, e.HintsUsed, e.TimeTakenMs, e.Points, e.OccurredAt })
                .ToListAsync(cancellationToken),
            player,
            badges = await db.BadgeAwards.AsNoTracking().Where(b => b.StudentId == userId).OrderBy(b => b.AwardedAt)
                .Select(b => new { b.BadgeId, b.AwardedAt })
                .ToListAsync(cancellationToken),
            leaderboardEntries = await db.LeaderboardScores.AsNoTracking().Where(s => s.StudentId == userId).OrderBy(s => s.PeriodKey)
                .Select(s => new { s.PeriodKey, s.ScopeId, s.Total, s.ReachedAt })
                .ToListAsync(cancellationToken),
            flashcardDecks = decks.Select(d => new
            {
                d.Id, d.Title, d.HomeworkId, d.SkillId, d.CreatedAt,
                cards = d.Cards.OrderBy(c => c.Position).Select(c => new { c.Id, c.Front, c.Back, c.Reviews, c.Lapses, c.DueAt, c.LastReviewedAt }),
            }).ToList(),
            flashcardReviews = await db.FlashcardReviews.AsNoTracking().Where(r => r.StudentId == userId).OrderBy(r => r.ReviewedAt)
                .Select(r => new { r.CardId, r.Number, rating = r.Rating.ToString(), r.IntervalDays, r.Points, r.ReviewedAt })
                .ToListAsync(cancellationToken),
            questionReports = await db.QuestionReports.AsNoTracking().Where(r => r.StudentId == userId).OrderBy(r => r.CreatedAt)
                .Select(r => new { r.QuestionId, r.GameId, reason = r.Reason.ToString(), r.Comment, r.CreatedAt, r.ResolvedAt })
                .ToListAsync(cancellationToken),
            voidedPoints = await db.VoidedPoints.AsNoTracking().Where(v => v.StudentId == userId).OrderBy(v => v.VoidedAt)
                .Select(v => new { v.QuestionId, v.SessionId, v.Points, v.VoidedAt, v.Final })
                .ToListAsync(cancellationToken),
            extendedTime = await db.ExtendedTimes.AsNoTracking().Where(e => e.StudentId == userId)
                .Select(e => new { e.ClassroomId, e.Percent, e.SetAt })
                .ToListAsync(cancellationToken),
        };
    }

    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        // Attempts and deliveries go with their sessions (cascade); reviews and cards with their decks.
        await db.Sessions.Where(s => s.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Games.Where(g => g.OwnerId == userId && !db.Sessions.Any(s => s.GameId == g.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.IdempotencyRecords.Where(r => r.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.LearningEvents.Where(e => e.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Players.Where(p => p.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.BadgeAwards.Where(b => b.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.LeaderboardScores.Where(s => s.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.FlashcardReviews.Where(r => r.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.FlashcardDecks.Where(d => d.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.QuestionReports.Where(r => r.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.VoidedPoints.Where(v => v.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ExtendedTimes.Where(e => e.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
