using StudyHub.Identity.Mail;

namespace StudyHub.Identity.Features;

/// <summary>
/// Mail to parents for other modules (the weekly progress summary): who asked for it, and the
/// mail itself through Identity's outbox. Only verified addresses: an unverified one may be a
/// stranger's, and these mails speak about a child.
/// </summary>
internal sealed class FamilyMail(AccountsDbContext db, Mailbox mailbox, MailLinks links, TimeProvider clock) : IFamilyMail
{
    public async Task<IReadOnlyList<ParentMailRecipient>> ParentsWantingProgressMailAsync(CancellationToken cancellationToken)
    {
        var parents = await db.Users.AsNoTracking()
            .Where(u => u.Role == Role.Parent && u.EmailNotifications && u.EmailVerifiedAt != null && u.DisabledAt == null && u.ErasedAt == null
                && db.ParentLinks.Any(l => l.ParentId == u.Id))
            .OrderBy(u => u.Id)
            .ToListAsync(cancellationToken);
        var parentIds = parents.ConvertAll(p => p.Id);
        var children = await (
                from link in db.ParentLinks.AsNoTracking()
                join child in db.Users.AsNoTracking() on link.StudentId equals child.Id
                where parentIds.Contains(link.ParentId) && child.ErasedAt == null
                orderby child.DisplayName
                select new { link.ParentId, Child = child })
            .ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var byParent = children.ToLookup(
            c => c.ParentId,
            c => new StudentSummary(c.Child.Id, c.Child.DisplayName, c.Child.TimeZone, c.Child.IsAwaitingConsent(today), c.Child.IsUnder13(today)));
        return [.. parents
            .Where(p => byParent[p.Id].Any())
            .Select(p => new ParentMailRecipient(p.Id, p.DisplayName, p.PreferredLanguage, p.TimeZone, [.. byParent[p.Id]]))];
    }

    public async Task<bool> EnqueueAsync(DbContext unitOfWork, Guid userId, AccountMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        ArgumentNullException.ThrowIfNull(mail);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.EmailNotifications || user.EmailVerifiedAt is null || user.DisabledAt is not null || user.ErasedAt is not null)
        {
            return false;
        }

        mailbox.EnqueueInto(unitOfWork, MailTemplates.Composed(
            user.PreferredLanguage, user.Email, user.DisplayName, mail.Subject, mail.Paragraphs, mail.ActionLabel, links.To(mail.ActionPath), mail.Footer));
        return true;
    }
}
