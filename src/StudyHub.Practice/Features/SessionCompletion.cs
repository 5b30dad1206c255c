using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice.Features;

/// <summary>
/// Completes a session when its last question has ended: daily streak, lifetime points, boards,
/// badges (each once, through the outbox). Runs inside the answer's write (the group commit's
/// context), so what it reads is what the answer commits with.
/// </summary>
internal sealed class SessionCompletion(PracticeDbContext db, IPeopleDirectory people, LeaderboardPosting boards, TimeProvider clock)
{
    /// <summary>The badges earned when the session is now complete; null when questions remain. Call after the question's end is written.</summary>
    public async Task<IReadOnlyList<BadgeView>?> CompleteWhenLastAsync(Guid sessionId, Guid questionId, DateTime now, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstAsync(s => s.Id == sessionId, cancellationToken);

        // Questions a teacher hid are skipped: the session is complete when every other one has ended.
        var endedIds = db.Deliveries.Where(d => d.SessionId == session.Id && d.EndedAt != null).Select(d => d.QuestionId);
        var remaining = await db.Questions.CountAsync(
            q => q.GameId == session.GameId && q.HiddenAt == null && q.Id != questionId && !endedIds.Contains(q.Id), cancellationToken);
        if (remaining > 0)
        {
            return null;
        }

        var questionCount = await db.Deliveries.CountAsync(d => d.SessionId == session.Id && d.EndedAt != null, cancellationToken);
        session.State = SessionState.Completed;
        session.EndedAt = now;
        db.LearningEvents.Add(new LearningEvent
        {
            Id = Guid.CreateVersion7(), StudentId = session.StudentId, Kind = LearningEventKind.SessionCompleted, SessionId = session.Id,
            Correct = session.QuestionsRight == questionCount, Points = session.Score, OccurredAt = now,
        });

        var record = await db.Players.FirstOrDefaultAsync(p => p.StudentId == session.StudentId, cancellationToken);
        if (record is null)
        {
            record = new PlayerRecord { StudentId = session.StudentId };
            db.Players.Add(record);
        }

        var (today, dayStart, nextDay) = StartSession.StudentDay(await people.FindStudentAsync(session.StudentId, cancellationToken), now);
        record.RecordPlayedOn(today);
        record.TotalPoints += session.Score;
        record.GamesCompleted++;

        // Replaying a game counts towards the boards once per (student's) day: only its first completed session today posts.
        var replayedToday = await db.Sessions.AnyAsync(
            s => s.StudentId == session.StudentId && s.GameId == session.GameId && s.Id != session.Id && s.State == SessionState.Completed
                && s.EndedAt >= dayStart && s.EndedAt < nextDay,
            cancellationToken);
        if (!replayedToday)
        {
            await boards.PostAsync(session.StudentId, ScoreKind.Game, session.Score, now, cancellationToken);
            session.BoardsPostedAt = now; // where voided points of this session go and come back (PointsVoiding)
        }

        var owned = await db.BadgeAwards.Where(b => b.StudentId == session.StudentId).Select(b => b.BadgeId).ToListAsync(cancellationToken);
        var completed = new CompletedGame(questionCount, session.QuestionsRight, record);
        var earned = Badges.Catalogue.Where(b => !owned.Contains(b.Id) && b.IsEarned(completed)).ToList();
        foreach (var badge in earned)
        {
            db.BadgeAwards.Add(new BadgeAward { StudentId = session.StudentId, BadgeId = badge.Id, AwardedAt = now });
            db.PublishEvent(new BadgeAwarded(Guid.CreateVersion7(), session.StudentId, badge.Id, badge.Name, now), clock);
        }

        return [.. earned.Select(b => new BadgeView(b.Id, b.Name, b.Description))];
    }
}
