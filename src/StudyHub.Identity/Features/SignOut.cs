namespace StudyHub.Identity.Features;

/// <summary>Ends the caller's current session; its refresh and access tokens stop working.</summary>
internal sealed class SignOut(AccountsDbContext db, ICurrentUser currentUser, SessionRevocations revocations, IAuditLog audit)
{
    public async Task HandleAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        if (currentUser.SessionId is not { } sessionId)
        {
            return;
        }

        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (session is null || session.RevokedAt is not null)
        {
            return;
        }

        revocations.Revoke(session, "signed_out");
        audit.Record(AuditEvents.SignedOut, userId, userId, $"session {sessionId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/logout", async Task<NoContent> (SignOut handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("SignOut")
            .WithSummary("Sign out: ends the current session and its tokens.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
