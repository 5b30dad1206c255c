using Microsoft.EntityFrameworkCore;
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
/// the point changes commit together or not at all.
/// </summary>
internal sealed class PointsVoiding(PracticeDbContext db, LeaderboardPosting boards)
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
    /// (before a completion posts the score), written down like the others.
    /// </summary>
    public void VoidAnswer(GameSession session, Guid questionId, int points, DateTime now)
    {
        if (points <= 0)
        {
            return;
        }

        session.Score -= points;
        db.VoidedPoints.Add(new VoidedPoints { QuestionId = questionId, SessionId = session.Id, StudentId = session.StudentId, Points = points, VoidedAt = now });
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
        }

        if (session.BoardsPostedAt is { } postedAt)
        {
            await boards.AdjustAsync(session.StudentId, ScoreKind.Game, delta, postedAt, cancellationToken);
        }
    }
}
