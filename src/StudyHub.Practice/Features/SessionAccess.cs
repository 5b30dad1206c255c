using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <summary>The one way features reach a session: the caller's own (404 otherwise), abandoned when idle too long.</summary>
internal static class SessionAccess
{
    public static async Task<GameSession> OwnSessionAsync(PracticeDbContext db, ICurrentUser currentUser, Guid sessionId, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        return await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.StudentId == studentId, cancellationToken)
            ?? throw new NotFoundException("game session");
    }

    /// <summary>Throws 409 when the session is over (completed, or abandoned now or before); an abandonment found now is saved first.</summary>
    public static async Task EnsurePlayableAsync(PracticeDbContext db, GameSession session, DateTime now, CancellationToken cancellationToken)
    {
        var wasOver = session.IsOver;
        if (session.AbandonIfIdle(now))
        {
            if (!wasOver)
            {
                db.LearningEvents.Add(new LearningEvent
                {
                    Id = Guid.CreateVersion7(), StudentId = session.StudentId, Kind = LearningEventKind.SessionAbandoned,
                    SessionId = session.Id, Points = session.Score, OccurredAt = now,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            throw new SessionOverException("session_expired", "This game session was abandoned after being idle; start a new one.");
        }

        if (session.State == SessionState.Completed)
        {
            throw new SessionOverException("session_completed", "This game session is already completed.");
        }
    }
}

/// <summary>A 409 for a session that can no longer be played.</summary>
internal sealed class SessionOverException(string code, string message) : StudyHubException(409, code, message);
