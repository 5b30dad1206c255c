using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Issues and redeems the tokens in mailed links. A token is <c>id.secret</c> sealed by Data
/// Protection under a per-purpose key (so it is signed, and a reset token is no verification
/// token); only the secret's SHA-256 is stored. Expiry is read from <see cref="TimeProvider"/>.
/// </summary>
internal sealed class OneTimeLinks(AccountsDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Adds the token to the unit of work (the caller saves, with the mail that carries it) and returns the link's token.</summary>
    public string Issue(User user, string purpose, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = RandomNumberGenerator.GetBytes(32);
        var token = new AccountToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Purpose = purpose,
            SecretHash = Hash(secret),
            Email = user.NormalizedEmail,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.AccountTokens.Add(token);
        return Protector(purpose).Protect($"{token.Id:N}.{Base64Url.EncodeToString(secret)}");
    }

    /// <summary>
    /// Checks the token and marks it (and every other open token of the same purpose for the user)
    /// used in the unit of work; the caller's save commits that with the change it authorises.
    /// </summary>
    public async Task<(AccountToken Token, User User)> RedeemAsync(string? presented, string purpose, CancellationToken cancellationToken)
    {
        if (!TryOpen(presented, purpose, out var id, out var secret))
        {
            throw Invalid();
        }

        var token = await db.AccountTokens.FirstOrDefaultAsync(t => t.Id == id && t.Purpose == purpose, cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token.SecretHash), Encoding.ASCII.GetBytes(Hash(secret))))
        {
            throw Invalid();
        }

        if (token.UsedAt is not null)
        {
            throw Used();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.ExpiresAt <= now)
        {
            throw new LinkRefusedException("link_expired", "This link has expired. Ask for a new one.");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        // An erased account, or an address changed since the link was sent: the link no longer speaks for it.
        if (user is null || user.ErasedAt is not null || user.NormalizedEmail != token.Email)
        {
            throw Invalid();
        }

        foreach (var open in await db.AccountTokens.Where(t => t.UserId == user.Id && t.Purpose == purpose && t.UsedAt == null).ToListAsync(cancellationToken))
        {
            open.UsedAt = now;
        }

        return (token, user);
    }

    private bool TryOpen(string? presented, string purpose, out Guid id, out byte[] secret)
    {
        id = Guid.Empty;
        secret = [];
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 1000)
        {
            return false;
        }

        string plain;
        try
        {
            plain = Protector(purpose).Unprotect(presented.Trim());
        }
        catch (Exception tampered) when (tampered is CryptographicException or FormatException)
        {
            return false;
        }

        var parts = plain.Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out id))
        {
            return false;
        }

        try
        {
            secret = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return false;
        }

        return secret.Length == 32;
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("StudyHub.Identity.OneTimeLink", purpose);

    private static string Hash(byte[] secret) => Convert.ToHexStringLower(SHA256.HashData(secret));

    /// <summary>The answer for a link already used (also when a concurrent redemption wins the save).</summary>
    public static LinkRefusedException Used() =>
        new("link_used", "This link has already been used. Ask for a new one.");

    private static LinkRefusedException Invalid() =>
        new("link_invalid", "This link is not valid. Check that you copied all of it, or ask for a new one.");
}
