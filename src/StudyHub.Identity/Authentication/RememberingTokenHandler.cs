using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// The framework's token handler, remembering the tokens it has already validated on this instance
/// until they expire. A client sends the same access token with every request for 15 minutes;
/// parsing it and checking its RSA signature once instead of on each request keeps the framework
/// handler as fast as the hand-written one it replaced (docs/benchmarks.md). The exact token string
/// is the key, so a token that differs by one byte is validated afresh; expiry is checked against
/// <see cref="TimeProvider"/> on every use, and the session-alive check still runs on every request
/// after this (<see cref="BearerAuthentication"/>).
/// </summary>
internal sealed class RememberingTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, Remembered> _validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_validated.TryGetValue(token, out var remembered))
        {
            if (now <= remembered.ValidUntil)
            {
                // Middleware may add claims to the principal; never hand out the shared identity.
                return new TokenValidationResult
                {
                    IsValid = true,
                    ClaimsIdentity = remembered.Result.ClaimsIdentity.Clone(),
                    SecurityToken = remembered.Result.SecurityToken,
                    Issuer = remembered.Result.Issuer,
                    TokenType = remembered.Result.TokenType,
                };
            }

            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.ValidTo > now)
        {
            Remember(token, new Remembered(result, jwt.ValidTo + validationParameters.ClockSkew), now);
        }

        return result;
    }

    private void Remember(string token, Remembered remembered, DateTime now)
    {
        if (_validated.Count >= Capacity)
        {
            foreach (var (key, entry) in _validated)
            {
                if (entry.ValidUntil < now)
                {
                    _validated.TryRemove(key, out _);
                }
            }

            // Still full of live tokens: start again rather than grow without bound.
            if (_validated.Count >= Capacity)
            {
                _validated.Clear();
            }
        }

        _validated[token] = remembered;
    }

    private sealed record Remembered(TokenValidationResult Result, DateTime ValidUntil);
}
