using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StudyHub.Identity.Data;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Validates <c>Authorization: Bearer</c> access tokens. Written here because the JwtBearer
/// package is not in reach; <see cref="JsonWebTokenHandler"/> does the cryptography. Only RS256
/// with our key is accepted, which shuts out <c>alg: none</c> and HS256-with-the-public-key forgeries.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SigningKeyStore keys,
    SessionRevocations revocations,
    ValidatedTokens validated,
    IOptions<AuthOptions> authOptions,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private static readonly JsonWebTokenHandler TokenHandler = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 8192)
        {
            return AuthenticateResult.Fail("The bearer token is malformed.");
        }

        var identity = validated.Find(token, clock.GetUtcNow()) ?? await ValidateAsync(token);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The access token is invalid or has expired.");
        }

        if (!await revocations.IsActiveAsync(identity, () => Context.RequestServices.GetRequiredService<AccountsDbContext>(), Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The session of this access token has ended.");
        }

        var principal = new ClaimsPrincipal(identity);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private async Task<ClaimsIdentity?> ValidateAsync(string token)
    {
        var key = await keys.GetAsync(Context.RequestAborted);
        var options = authOptions.Value;
        var result = await TokenHandler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SigningKeyStore.Algorithm],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            // Read the time from TimeProvider, so tests can expire tokens without waiting.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } end && now <= end + parameters.ClockSkew
                    && (notBefore is not { } start || now >= start - parameters.ClockSkew);
            },
            NameClaimType = StudyHubClaims.Name,
            RoleClaimType = StudyHubClaims.Role,
        });

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        validated.Remember(token, result.ClaimsIdentity, jwt.ValidTo);
        return result.ClaimsIdentity.Clone();
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
