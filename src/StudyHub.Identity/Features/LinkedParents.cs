namespace StudyHub.Identity.Features;

public sealed record LinkedParent(string DisplayName, DateTime LinkedAt);

/// <summary>The parents (or guardians) linked to the signed-in student, so the student knows who can see their progress.</summary>
internal sealed class LinkedParents(AccountsDbContext db, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<LinkedParent>> MineAsync(CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        return await db.ParentLinks.AsNoTracking()
            .Where(link => link.StudentId == studentId)
            .Join(db.Users.Where(u => u.ErasedAt == null), link => link.ParentId, parent => parent.Id, (link, parent) => new { parent.DisplayName, link.LinkedAt })
            .OrderBy(p => p.LinkedAt)
            .Select(p => new LinkedParent(p.DisplayName, p.LinkedAt))
            .ToListAsync(cancellationToken);
    }
}
