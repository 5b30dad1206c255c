using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StudyHub.Identity.Authentication;

internal sealed record AccessToken(string Token, DateTime ExpiresAt);

internal sealed class AccessTokenIssuer(SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<AccessToken> IssueAsync(User user, Guid sessionId, CancellationToken cancellationToken)
    {
        var key = await keys.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SigningKeyStore.Algorithm),
            Subject = new ClaimsIdentity(
            [
                new Claim(StudyHubClaims.Subject, user.Id.ToString()),
                new Claim(StudyHubClaims.Role, user.Role.ToString().ToLowerInvariant()),
                new Claim(StudyHubClaims.Session, sessionId.ToString()),
                new Claim(StudyHubClaims.Name, user.DisplayName),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        });
        return new AccessToken(token, expires);
    }
}
