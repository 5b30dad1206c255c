namespace StudyHub.Identity.Features;

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// Trades a refresh token for a new pair. Each token works once: a second use means it was copied,
/// so the whole session (the token family) is revoked and its owner must sign in again.
/// </summary>
internal sealed class RefreshTokens(AccountsDbContext db, SessionTokens tokens, SessionRevocations revocations, IAuditLog audit, TimeProvider clock)
{
    public async Task<TokenResponse> HandleAsync(RefreshRequest request, CancellationToken cancellationToken)
    {
        new FieldErrors().RequireText("refreshToken", request.RefreshToken, 200).ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = SessionTokens.Hash(request.RefreshToken!);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            throw Invalid();
        }

        var session = await db.Sessions.FirstAsync(s => s.Id == token.SessionId, cancellationToken);
        if (token.UsedAt is not null)
        {
            throw await EndReusedSessionAsync(session, cancellationToken);
        }

        if (!session.IsActive(now) || token.ExpiresAt <= now)
        {
            throw Invalid();
        }

        // Claim the token and store its successor in one transaction: of two concurrent refreshes
        // with one token only one wins, and a failure half-way leaves the old token usable.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var claimed = await db.RefreshTokens
                .Where(t => t.Id == token.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), cancellationToken);
            if (claimed == 1)
            {
                var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == session.UserId, cancellationToken);
                if (user.DisabledAt is not null || user.ErasedAt is not null)
                {
                    throw Invalid();
                }

                session.LastSeenAt = now;
                var response = await tokens.IssueAsync(user, session, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return response;
            }
        }

        // Another request claimed the token first: the same token was presented twice.
        throw await EndReusedSessionAsync(session, cancellationToken);
    }

    // A refresh token used twice was copied: end the whole session (its token family).
    private async Task<UnauthorizedException> EndReusedSessionAsync(UserSession session, CancellationToken cancellationToken)
    {
        revocations.Revoke(session, "refresh_token_reused");
        audit.Record(AuditEvents.RefreshTokenReused, null, session.UserId, $"session {session.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return new UnauthorizedException("refresh_token_reused", "This refresh token was already used; the session has been ended for safety. Sign in again.");
    }

    private static UnauthorizedException Invalid() =>
        new("invalid_refresh_token", "The refresh token is not valid or has expired. Sign in again.");

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/refresh", async Task<Ok<TokenResponse>> (RefreshRequest request, RefreshTokens handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .AllowAnonymous()
            .WithName("RefreshTokens")
            .WithSummary("Exchange a refresh token for a new access token and refresh token (rotation with reuse detection).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
