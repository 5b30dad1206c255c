namespace StudyHub.Identity.Features;

public sealed record RevokedSessions(int Revoked);

public sealed record SignedInSession(Guid Id, string Device, string Kind, string? IpAddress, DateTime CreatedAt, DateTime LastSeenAt, bool Current);

/// <summary>The user's signed-in devices, and revoking any of them.</summary>
internal sealed class ManageSessions(AccountsDbContext db, ICurrentUser currentUser, SessionRevocations revocations, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SignedInSession>> ListAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        return await ActiveAsync(db, userId, currentUser.SessionId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>A user's live sessions, most recently active first (also what an administrator sees).</summary>
    internal static async Task<IReadOnlyList<SignedInSession>> ActiveAsync(AccountsDbContext db, Guid userId, Guid? currentSessionId, DateTime now, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);
        return sessions
            .Select(s => new SignedInSession(s.Id, s.DeviceName, s.Kind.ToString().ToLowerInvariant(), s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == currentSessionId))
            .ToList();
    }

    public async Task RevokeAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        await RevokeOneAsync(db, revocations, audit, byUserId: userId, userId, sessionId, "revoked_by_user", $"session {sessionId}", cancellationToken);
    }

    /// <summary>Ends one of a user's sessions and records who did it, in one save; ending an ended session changes nothing.</summary>
    internal static async Task RevokeOneAsync(AccountsDbContext db, SessionRevocations revocations, IAuditLog audit, Guid byUserId, Guid userId, Guid sessionId,
        string reason, string auditDetail, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("session");
        if (session.RevokedAt is not null)
        {
            return;
        }

        revocations.Revoke(session, reason);
        audit.Record(AuditEvents.SessionRevoked, byUserId, userId, auditDetail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"Sign out everywhere else": ends every session but the one making the request; returns how many ended.</summary>
    public async Task<int> RevokeOthersAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var others = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != currentUser.SessionId).ToListAsync(cancellationToken);
        foreach (var session in others)
        {
            revocations.Revoke(session, "revoked_by_user");
        }

        if (others.Count > 0)
        {
            audit.Record(AuditEvents.SessionRevoked, userId, userId, $"{others.Count} other sessions");
            await db.SaveChangesAsync(cancellationToken);
        }

        return others.Count;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/me/sessions/revoke-others", async Task<Ok<RevokedSessions>> (ManageSessions handler, CancellationToken ct) =>
                TypedResults.Ok(new RevokedSessions(await handler.RevokeOthersAsync(ct))))
            .RequireAuthorization()
            .WithName("RevokeOtherSessions")
            .WithSummary("Sign out every device except this one.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/me/sessions", async Task<Ok<IReadOnlyList<SignedInSession>>> (ManageSessions handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(ct)))
            .RequireAuthorization()
            .WithName("ListSessions")
            .WithSummary("The devices where you are signed in.");
        api.MapDelete("/me/sessions/{sessionId:guid}", async Task<NoContent> (Guid sessionId, ManageSessions handler, CancellationToken ct) =>
            {
                await handler.RevokeAsync(sessionId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("RevokeSession")
            .WithSummary("Sign out one of your devices.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
