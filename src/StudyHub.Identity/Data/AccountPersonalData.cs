using Microsoft.AspNetCore.Identity;
using StudyHub.Identity.Mail;
using StudyHub.Kernel.Privacy;

namespace StudyHub.Identity.Data;

/// <summary>The Identity module's part of a GDPR export and erasure.</summary>
internal sealed class AccountPersonalData(AccountsDbContext db, IPasswordHasher<User> hasher, SignInThrottle throttle, SessionRevocations revocations, PickupFolderMailSender pickupFolder, TimeProvider clock) : IPersonalDataContributor
{
    public string Section => "account";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        return new
        {
            profile = new
            {
                user.Id, user.Email, user.DisplayName, role = user.Role.ToString().ToLowerInvariant(), user.BirthDate,
                user.CreatedAt, user.UpdatedAt, user.DisabledAt, user.ErasedAt, user.EmailVerifiedAt,
            },
            // Mailed links without their hashes: what each was for, and when it was sent, due to expire and used.
            mailedLinks = await db.AccountTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt)
                .Select(t => new { t.Purpose, t.Email, t.CreatedAt, t.ExpiresAt, t.UsedAt }).ToListAsync(cancellationToken),
            parentalConsent = new { grantedAt = user.ParentalConsentGrantedAt, grantedBy = user.ParentalConsentGrantedBy, basis = user.ParentalConsentBasis },
            signInProtection = new { failedSignInsSinceLastSuccess = user.FailedSignInCount, lockouts = await throttle.LockoutsOfAsync(user.NormalizedEmail, cancellationToken) },
            preferences = new { language = user.PreferredLanguage, timeZone = user.TimeZone, theme = user.Theme, emailNotifications = user.EmailNotifications },
            // Refresh tokens without their hashes: when each was issued, used and due to expire.
            sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt)
                .Select(s => new
                {
                    s.Id, kind = s.Kind.ToString(), s.DeviceName, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.RevokedAt, s.RevokedReason,
                    refreshTokens = db.RefreshTokens.Where(t => t.SessionId == s.Id).OrderBy(t => t.CreatedAt)
                        .Select(t => new { t.CreatedAt, t.ExpiresAt, t.UsedAt }).ToList(),
                }).ToListAsync(cancellationToken),
            parentLinkCodes = await db.ParentLinkCodes.AsNoTracking().Where(c => c.StudentId == userId || c.RedeemedBy == userId).OrderBy(c => c.CreatedAt)
                .Select(c => new { c.Code, c.StudentId, c.CreatedAt, c.ExpiresAt, c.RedeemedAt, c.RedeemedBy }).ToListAsync(cancellationToken),
            classroomsTaught = await db.Classrooms.AsNoTracking().Where(c => c.TeacherId == userId).OrderBy(c => c.CreatedAt)
                .Select(c => new { c.Id, c.Name, c.Subject, c.Grade, c.CreatedAt, c.ArchivedAt }).ToListAsync(cancellationToken),
            classroomsJoined = await (from e in db.Enrollments
                                      join c in db.Classrooms on e.ClassroomId equals c.Id
                                      where e.StudentId == userId
                                      orderby e.JoinedAt
                                      select new { c.Id, c.Name, e.JoinedAt }).AsNoTracking().ToListAsync(cancellationToken),
            parentLinks = await db.ParentLinks.AsNoTracking().Where(l => l.ParentId == userId || l.StudentId == userId)
                .Select(l => new { l.ParentId, l.StudentId, l.LinkedAt }).ToListAsync(cancellationToken),
            securityEvents = await db.AuditEntries.AsNoTracking().Where(a => a.SubjectId == userId || a.ActorId == userId)
                .OrderBy(a => a.OccurredAt).Take(10_000)
                .Select(a => new { a.OccurredAt, a.EventType, a.ActorId, a.SubjectId, a.Detail, a.IpAddress, a.CorrelationId }).ToListAsync(cancellationToken),
        };
    }

    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.AccountTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // With no SMTP server the "sent" mails sit in the data directory: they go with the account.
        pickupFolder.Forget(user.Email);
        await db.RefreshTokens.Where(t => db.Sessions.Any(s => s.Id == t.SessionId && s.UserId == userId)).ExecuteDeleteAsync(cancellationToken);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        revocations.RevokeAllOf(userId);
        await db.Enrollments.Where(e => e.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ParentLinks.Where(l => l.ParentId == userId || l.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ParentLinkCodes.Where(c => c.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ParentLinkCodes.Where(c => c.RedeemedBy == userId)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RedeemedBy, (Guid?)null), cancellationToken);
        await db.Classrooms.Where(c => c.TeacherId == userId && c.ArchivedAt == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.ArchivedAt, now), cancellationToken);
        await db.AuditEntries.Where(a => a.SubjectId == userId || a.ActorId == userId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.IpAddress, (string?)null).SetProperty(x => x.Detail, (string?)null), cancellationToken);

        // The row stays, anonymised, so classrooms and audit entries keep a valid reference.
        user.Email = $"erased-{user.Id:N}@erased.invalid";
        user.NormalizedEmail = user.Email;
        user.DisplayName = "Deleted user";
        user.BirthDate = null;
        user.PasswordHash = hasher.HashPassword(user, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"));
        user.ParentalConsentGrantedAt = null;
        user.ParentalConsentGrantedBy = null;
        user.ParentalConsentBasis = null;
        user.ErasedAt ??= now;
        user.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
