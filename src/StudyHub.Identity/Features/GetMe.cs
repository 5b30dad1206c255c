namespace StudyHub.Identity.Features;

public sealed record Preferences(string Language, string TimeZone, string Theme, bool EmailNotifications);

public sealed record MyProfile(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    DateOnly? BirthDate,
    bool AwaitingParentalConsent,
    Preferences Preferences,
    DateTime CreatedAt,
    bool EmailVerified = false);

/// <summary>The signed-in user's own profile.</summary>
internal sealed class GetMe(AccountsDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    private static readonly Func<AccountsDbContext, Guid, CancellationToken, Task<User?>> FindUser =
        EF.CompileAsyncQuery((AccountsDbContext context, Guid id, CancellationToken _) =>
            context.Users.AsNoTracking().FirstOrDefault(u => u.Id == id));

    public async Task<MyProfile> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var user = await FindUser(db, userId, cancellationToken);
        if (user is null || user.ErasedAt is not null || user.DisabledAt is not null)
        {
            throw new UnauthorizedException("account_unavailable", "This account no longer exists or is disabled.");
        }

        return ToProfile(user, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public static MyProfile ToProfile(User user, DateOnly today) => new(
        user.Id,
        user.Email,
        user.DisplayName,
        user.Role.ToString().ToLowerInvariant(),
        user.BirthDate,
        user.IsAwaitingConsent(today),
        new Preferences(user.PreferredLanguage, user.TimeZone, user.Theme, user.EmailNotifications),
        user.CreatedAt,
        user.EmailVerifiedAt is not null);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", async Task<Ok<MyProfile>> (GetMe handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization()
            .WithName("GetMe")
            .WithSummary("The signed-in user's profile and preferences.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
