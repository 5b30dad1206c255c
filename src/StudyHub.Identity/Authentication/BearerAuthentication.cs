using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Configures the framework's JWT bearer handler for our access tokens: RS256 only, with the key
/// from <see cref="SigningKeyStore"/>, lifetimes read from <see cref="TimeProvider"/>, and the
/// session-alive check after the signature. Anything else (<c>alg: none</c>, HS256 with the public
/// key, other keys, issuers or audiences) is refused.
/// </summary>
internal sealed class BearerAuthentication(SigningKeyStore keys, IOptions<AuthOptions> authOptions, TimeProvider clock)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public const string SchemeName = JwtBearerDefaults.AuthenticationScheme;

    // Far above our ~700-byte tokens; anything longer is refused before it is parsed.
    private const int MaxTokenBytes = 8192;

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != SchemeName)
        {
            return;
        }

        var auth = authOptions.Value;
        options.MapInboundClaims = false;
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(new RememberingTokenHandler(clock) { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenBytes });

        // The handler asks a configuration manager for signing keys on each request; ours answers
        // from the key store's memory, so the database is read once per process, asynchronously.
        options.ConfigurationManager = new SigningKeyConfiguration(keys, auth.Issuer);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            ValidAlgorithms = [SigningKeyStore.Algorithm],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            // The handler's own check reads the wall clock; tests move a FakeTimeProvider instead.
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } end && now <= end + parameters.ClockSkew
                    && (notBefore is not { } start || now >= start - parameters.ClockSkew);
            },
            NameClaimType = StudyHubClaims.Name,
            RoleClaimType = StudyHubClaims.Role,
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                // A good signature is not enough: the session must still be signed in.
                var http = context.HttpContext;
                var revocations = http.RequestServices.GetRequiredService<SessionRevocations>();
                if (context.Principal?.Identity is not ClaimsIdentity identity
                    || !await revocations.IsActiveAsync(identity, () => http.RequestServices.GetRequiredService<AccountsDbContext>(), http.RequestAborted))
                {
                    context.Fail("The session of this access token has ended.");
                }
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <summary>Hands the bearer handler our issuer and signing key, as an OpenID provider's metadata would.</summary>
    private sealed class SigningKeyConfiguration(SigningKeyStore keys, string issuer) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        private OpenIdConnectConfiguration? _configuration;

        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
        {
            if (_configuration is { } known)
            {
                return known;
            }

            var configuration = new OpenIdConnectConfiguration { Issuer = issuer };
            configuration.SigningKeys.Add(await keys.GetAsync(cancel));
            return _configuration = configuration;
        }

        public void RequestRefresh()
        {
            // The key is fixed for the life of the process (ADR 0002); nothing to refresh.
        }
    }
}
