using System.Collections.Concurrent;
using System.Security.Claims;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Access tokens already verified on this instance, until they expire. A client sends the same
/// token with every request for 15 minutes; checking its RSA signature once instead of each time
/// is the largest single saving on the authenticated hot path. The exact token string is the key,
/// so a token that differs by one byte is verified afresh; expiry is still checked on every use.
/// </summary>
internal sealed class ValidatedTokens(TimeProvider clock)
{
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ClaimsIdentity? Find(string token, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= now.UtcDateTime)
        {
            _entries.TryRemove(token, out _);
            return null;
        }

        // Middleware may add claims to the principal; never hand out the shared copy.
        return entry.Identity.Clone();
    }

    public void Remember(string token, ClaimsIdentity identity, DateTime expiresAt)
    {
        if (_entries.Count >= Capacity)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (key, entry) in _entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
        }

        _entries[token] = new Entry(identity.Clone(), DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc));
    }

    private sealed record Entry(ClaimsIdentity Identity, DateTime ExpiresAt);
}
