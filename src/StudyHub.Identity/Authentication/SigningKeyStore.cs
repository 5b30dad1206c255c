using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// The RS256 key access tokens are signed with. RSA rather than ECDSA because verifying is what
/// every request pays for, and RSA verification is several times cheaper.
/// </summary>
internal sealed class SigningKeyStore(IServiceScopeFactory scopes, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Algorithm = SecurityAlgorithms.RsaSha256;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private RsaSecurityKey? _key;

    public async ValueTask<RsaSecurityKey> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RsaSecurityKey> LoadAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SigningKeyPem))
        {
            var configured = RSA.Create();
            configured.ImportFromPem(options.Value.SigningKeyPem);
            return new RsaSecurityKey(configured) { KeyId = "configured" };
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var stored = await FindActiveAsync(db, cancellationToken);
        if (stored is null)
        {
            using var generated = RSA.Create(2048);
            db.SigningKeys.Add(new SigningKey
            {
                Id = Guid.NewGuid().ToString("N"),
                Algorithm = Algorithm,
                PrivateKey = Convert.ToBase64String(generated.ExportPkcs8PrivateKey()),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);

            // Another instance may have generated one at the same moment; everyone uses the oldest.
            stored = await FindActiveAsync(db, cancellationToken)
                ?? throw new InvalidOperationException("The signing key just stored could not be read back.");
        }

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.PrivateKey), out _);
        return new RsaSecurityKey(rsa) { KeyId = stored.Id };
    }

    private static Task<SigningKey?> FindActiveAsync(AccountsDbContext db, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking()
            .Where(k => k.RetiredAt == null)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
