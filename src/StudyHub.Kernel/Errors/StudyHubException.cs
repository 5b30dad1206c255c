namespace StudyHub.Kernel.Errors;

/// <summary>
/// An expected failure that the host turns into an RFC 9457 problem detail.
/// <see cref="Code"/> is stable and documented; clients branch on it, never on the message.
/// </summary>
public abstract class StudyHubException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}

/// <summary>The request is malformed; <see cref="Errors"/> names each field and why.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : StudyHubException(400, "validation_failed", "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] });
}

/// <summary>The resource does not exist, or exists but is not the caller's (never say which).</summary>
public sealed class NotFoundException(string resource)
    : StudyHubException(404, "not_found", $"The {resource} was not found.");

/// <summary>The caller's role may never do this.</summary>
public sealed class ForbiddenException(string code, string message) : StudyHubException(403, code, message);

/// <summary>The caller is not signed in, or their credentials are not valid.</summary>
public sealed class UnauthorizedException(string code, string message) : StudyHubException(401, code, message);

/// <summary>The request conflicts with the current state (a duplicate, a used code).</summary>
public sealed class ConflictException(string code, string message) : StudyHubException(409, code, message);

/// <summary>Too many attempts; <see cref="RetryAfter"/> says when to try again.</summary>
public sealed class TooManyAttemptsException(string code, string message, TimeSpan retryAfter)
    : StudyHubException(429, code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>A one-time link (from a mail) that is invalid, expired or already used; <see cref="StudyHubException.Code"/> says which.</summary>
public sealed class LinkRefusedException(string code, string message) : StudyHubException(400, code, message);
