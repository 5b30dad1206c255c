namespace StudyHub.Identity.Authentication;

/// <summary>The caller as the authentication handlers (bearer token or cookie) established them.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public bool IsAuthenticated => UserId is not null;

    public Guid? UserId => ReadGuid(StudyHubClaims.Subject);

    public Role? Role =>
        accessor.HttpContext?.User.FindFirst(StudyHubClaims.Role)?.Value is { } value
        && Enum.TryParse<Role>(value, ignoreCase: true, out var role)
            ? role
            : null;

    public Guid? SessionId => ReadGuid(StudyHubClaims.Session);

    private Guid? ReadGuid(string claim) =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        && Guid.TryParse(user.FindFirst(claim)?.Value, out var id)
            ? id
            : null;
}
