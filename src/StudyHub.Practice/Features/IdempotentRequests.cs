using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

/// <summary>
/// Requests that score (answers, flashcard reviews) carry an <c>Idempotency-Key</c>: the outcome is
/// stored in the same save as its effects, so a retry gets the same response and never scores twice,
/// and the same key with a different body is a 409.
/// </summary>
internal static class IdempotentRequests
{
    public const string Header = "Idempotency-Key";

    public static void EnsureKey(string? key, string what)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyRecord.MaxKeyLength)
        {
            throw ValidationFailedException.For(Header, $"Send a unique {Header} header of at most {IdempotencyRecord.MaxKeyLength} characters with every {what}.");
        }
    }

    /// <summary>SHA-256 of the request's meaningful parts, one per line.</summary>
    public static string Hash(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    /// <summary>The stored response for this key, null when the key is new; 409 when it was used for another request.</summary>
    public static async Task<T?> ReplayAsync<T>(PracticeDbContext db, Guid studentId, string key, string requestHash, CancellationToken cancellationToken)
        where T : class
    {
        var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.StudentId == studentId && r.Key == key, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        return existing.RequestHash == requestHash
            ? JsonSerializer.Deserialize<T>(existing.ResponseJson, PracticeJson.Options)
            : throw new ConflictException("idempotency_key_reused", $"This {Header} was already used for a different request.");
    }

    /// <summary>
    /// Saves the request's effects with its response under the key. Losing a race to the same key's
    /// twin replays the twin's response; losing it to a competing request (a unique index on its
    /// effects) is <paramref name="lostRace"/>, and nothing of this request is saved.
    /// </summary>
    public static async Task<T> SaveAsync<T>(
        PracticeDbContext db, Guid studentId, string key, string requestHash, T response, DateTime now, Func<ConflictException> lostRace, CancellationToken cancellationToken)
        where T : class
    {
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            StudentId = studentId, Key = key, RequestHash = requestHash,
            ResponseJson = JsonSerializer.Serialize(response, PracticeJson.Options), CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await ReplayAsync<T>(db, studentId, key, requestHash, cancellationToken) ?? throw lostRace();
        }
    }
}
