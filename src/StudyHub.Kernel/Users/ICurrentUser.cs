using StudyHub.Kernel.Errors;

namespace StudyHub.Kernel.Users;

/// <summary>
/// Who is calling, as the application services see it: the same for the REST API (bearer token)
/// and the web UI (cookie), because Blazor pages call the services in process.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    Role? Role { get; }

    /// <summary>The signed-in session (refresh-token family) the credentials belong to.</summary>
    Guid? SessionId { get; }
}

public static class CurrentUserExtensions
{
    /// <summary>The caller's id, or a 401 when nobody is signed in.</summary>
    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new UnauthorizedException("unauthenticated", "Sign in to do this.");

    /// <summary>The caller's id when their role is one of <paramref name="roles"/>; 401 or 403 otherwise.</summary>
    public static Guid RequireRole(this ICurrentUser user, params Role[] roles)
    {
        var id = user.RequireUserId();
        if (user.Role is not { } role || !roles.Contains(role))
        {
            throw new ForbiddenException("forbidden_role", "Your role may not do this.");
        }

        return id;
    }
}
