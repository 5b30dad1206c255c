using System.Security.Cryptography;
using System.Text;

namespace StudyHub.Identity.Authentication;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, Guid SessionId);

/// <summary>Opens sessions and hands out the access/refresh token pair for them.</summary>
internal sealed class SessionTokens(AccountsDbContext db, AccessTokenIssuer issuer, IOptions<AuthOptions> options, TimeProvider clock)
{
    public static string Hash(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    /// <summary>Starts a new session (a device) for the user; the caller saves changes.</summary>
    public UserSession OpenSession(User user, SessionKind kind, string? deviceName, string? ipAddress)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Kind = kind,
            DeviceName = DescribeDevice(deviceName),
            IpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        };
        db.Sessions.Add(session);
        return session;
    }

    /// <summary>Adds a fresh refresh token to the session's family and signs an access token; the caller saves changes.</summary>
    public async Task<TokenResponse> IssueAsync(User user, UserSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var refreshToken = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            SessionId = session.Id,
            TokenHash = Hash(refreshToken),
            CreatedAt = now,
            ExpiresAt = session.ExpiresAt,
        });
        var access = await issuer.IssueAsync(user, session.Id, cancellationToken);
        return new TokenResponse(access.Token, "Bearer", (int)options.Value.AccessTokenLifetime.TotalSeconds, refreshToken, session.Id);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // A readable device label from the User-Agent, not the whole header.
    private static string DescribeDevice(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        string browser = userAgent switch
        {
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ when userAgent.Contains("curl/", StringComparison.Ordinal) => "curl",
            _ => string.Empty,
        };
        string system = userAgent switch
        {
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("CrOS", StringComparison.Ordinal) => "ChromeOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => string.Empty,
        };
        var label = (browser, system) switch
        {
            ("", "") => userAgent.Trim(),
            (_, "") => browser,
            ("", _) => system,
            _ => $"{browser} on {system}",
        };
        return label.Length > 200 ? label[..200] : label;
    }
}
