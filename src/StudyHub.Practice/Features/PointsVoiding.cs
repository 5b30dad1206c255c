using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice.Features;

/// <summary>
/// Keeps every place a question's points live consistent while it is reported (docs/practice.md,
/// "Reports void points"): a session's score, the student's lifetime points (completed sessions
/// only) and the boards the session was posted to (<see cref="GameSession.BoardsPostedAt"/>). The
/// points taken off are written down per question and session (<see cref="VoidedPoints"/>), so
/// voiding twice takes nothing off twice and restoring gives back exactly what was taken. Every
/// change is staged in the caller's unit of work: the report, or the teacher's resolution, and all
/// the point changes commit together or not at all. Badges held on lifetime points (1,000 points)
/// follow them: taken back when voided points drop the total below, given back when restored.
/// </summary>
internal sealed class PointsVoiding(PracticeDbContext db, LeaderboardPosting boards, TimeProvider clock)
{
    /// <summary>Voids the points everyone earned on the (tracked) question so far, and marks it so answers ending later are voided too.</summary>
    public async Task VoidAsync(GameQuestion question, DateTime now, CancellationToken cancellationToken)
    {
        question.PointsVoidedAt ??= now;
        var voided = db.VoidedPoints.Where(v => v.QuestionId == question.Id).Select(v => v.SessionId);
        var earned = await db.Deliveries
            .Where(d => d.QuestionId == question.Id && d.EndedAt != null && d.Points > 0 && !voided.Contains(d.SessionId))
            .Join(db.Sessions, d => d.SessionId, s => s.Id, (d, s) => new { d.Points, Session = s })
            .ToListAsync(cancellationToken);
        foreach (var entry in earned)
        {
            db.VoidedPoints.Add(new VoidedPoints
            {
                QuestionId = question.Id, SessionId = entry.Session.Id, StudentId = entry.Session.StudentId, Points = entry.Points, VoidedAt = now,
            });
            await ChangeAsync(entry.Session, -entry.Points, cancellationToken);
        }
    }

    /// <summary>
    /// An answer that ends while its question is reported: its points come off the session at once
    /// (before a completion posts the score), written down like the others. Returns the points
    /// voided, for the caller to take off the session's score in the same write.
    /// </summary>
    public int VoidAnswer(Guid sessionId, Guid studentId, Guid questionId, int points, DateTime now)
    {
        if (points <= 0)
        {
            return 0;
        }

        db.VoidedPoints.Add(new VoidedPoints { QuestionId = questionId, SessionId = sessionId, StudentId = studentId, Points = points, VoidedAt = now });
        return points;
    }

    /// <summary>The question was fine: every point voided on it (and not made final by an earlier fix) comes back.</summary>
    public async Task RestoreAsync(GameQuestion question, CancellationToken cancellationToken)
    {
        question.PointsVoidedAt = null;
        var entries = await db.VoidedPoints.Where(v => v.QuestionId == question.Id && !v.Final)
            .Join(db.Sessions, v => v.SessionId, s => s.Id, (v, s) => new { Voided = v, Session = s })
            .ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            db.VoidedPoints.Remove(entry.Voided);
            await ChangeAsync(entry.Session, entry.Voided.Points, cancellationToken);
        }
    }

    /// <summary>The question was fixed or hidden: the points voided so far stay voided; answers from now on score again.</summary>
    public async Task KeepVoidedAsync(GameQuestion question, CancellationToken cancellationToken)
    {
        question.PointsVoidedAt = null;
        foreach (var voided in await db.VoidedPoints.Where(v => v.QuestionId == question.Id && !v.Final).ToListAsync(cancellationToken))
        {
            voided.Final = true;
        }
    }

    /// <summary>
    /// Moves <paramref name="delta"/> points on or off a session and wherever its score already went:
    /// lifetime points once it is completed, the boards once it was posted to them.
    /// </summary>
    private async Task ChangeAsync(GameSession session, int delta, CancellationToken cancellationToken)
    {
        session.Score += delta;
        if (session.State != SessionState.Completed)
        {
            return; // the completion will post the score as it is then
        }

        var record = await db.Players.FirstOrDefaultAsync(p => p.StudentId == session.StudentId, cancellationToken);
        if (record is not null)
        {
            record.TotalPoints = System.Math.Max(0, record.TotalPoints + delta);
            await KeepPointBadgesTrueAsync(record, cancellationToken);
        }

        if (session.BoardsPostedAt is { } postedAt)
        {
            await boards.AdjustAsync(session.StudentId, ScoreKind.Game, delta, postedAt, cancellationToken);
        }
    }

    /// <summary>Takes back each points badge whose condition no longer holds, and gives back each whose condition holds again.</summary>
    private async Task KeepPointBadgesTrueAsync(PlayerRecord record, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var badge in Badges.Catalogue.Where(b => b.HeldWhile is not null))
        {
            var holds = badge.HeldWhile!(record);
            var award = await db.BadgeAwards.FindAsync([record.StudentId, badge.Id], cancellationToken);
            if (award is not null && db.Entry(award).State == EntityState.Deleted)
            {
                award = null; // taken back a moment ago for another session of the same student
            }

            if (award is not null && !holds)
            {
                db.BadgeAwards.Remove(award);
                db.PublishEvent(new BadgeRevoked(Guid.CreateVersion7(), record.StudentId, badge.Id, badge.Name, now), clock);
            }
            else if (award is null && holds)
            {
                db.BadgeAwards.Add(new BadgeAward { StudentId = record.StudentId, BadgeId = badge.Id, AwardedAt = now });
                db.PublishEvent(new BadgeAwarded(Guid.CreateVersion7(), record.StudentId, badge.Id, badge.Name, now), clock);
            }
        }
    }
}
