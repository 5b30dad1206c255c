namespace StudyHub.Identity.Features;

public sealed record UserSessions(UserSummary User, IReadOnlyList<SignedInSession> Sessions);

/// <summary>An administrator sees where an account is signed in and ends any of those sessions.</summary>
internal sealed class AdministerSessions(AccountsDbContext db, ICurrentUser currentUser, SessionRevocations revocations, IAuditLog audit, TimeProvider clock)
{
    public async Task<UserSessions> ListAsync(Guid userId, CancellationToken cancellationToken)
    {
        currentUser.RequireRole(Role.Admin);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken)
            ?? throw new NotFoundException("user");
        var now = clock.GetUtcNow().UtcDateTime;
        var summary = new UserSummary(user.Id, user.Email, user.DisplayName, AccountRules.RoleName(user.Role), user.DisabledAt is not null, user.IsAwaitingConsent(DateOnly.FromDateTime(now)), user.CreatedAt);
        return new UserSessions(summary, await ManageSessions.ActiveAsync(db, userId, currentUser.SessionId, now, cancellationToken));
    }

    public async Task RevokeAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var adminId = currentUser.RequireRole(Role.Admin);
        await ManageSessions.RevokeOneAsync(db, revocations, audit, byUserId: adminId, userId, sessionId, "revoked_by_admin",
            $"session {sessionId} by an administrator", cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin/users/{userId:guid}/sessions").RequireAuthorization().WithTags("Admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/", async Task<Ok<UserSessions>> (Guid userId, AdministerSessions handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(userId, ct)))
            .WithName("ListUserSessions").WithSummary("Where an account is signed in (administrators).");
        admin.MapDelete("/{sessionId:guid}", async Task<NoContent> (Guid userId, Guid sessionId, AdministerSessions handler, CancellationToken ct) =>
            {
                await handler.RevokeAsync(userId, sessionId, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeUserSession").WithSummary("End one of an account's sessions (administrators).");
    }
}
