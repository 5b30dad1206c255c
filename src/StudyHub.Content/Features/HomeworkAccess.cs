namespace StudyHub.Content.Features;

/// <summary>
/// Who may see or change a homework: its owner reads and changes it; their teachers and linked
/// parents read it; anyone else is told it does not exist (404, never 403, so ids leak nothing).
/// </summary>
internal sealed class HomeworkAccess(ContentDbContext db, ICurrentUser currentUser, IPeopleDirectory people)
{
    /// <summary>The homework (tracked, with files) when the caller may read it.</summary>
    public async Task<Homework> FindReadableAsync(Guid homeworkId, CancellationToken cancellationToken)
    {
        currentUser.RequireUserId();
        var homework = await db.Homework.Include(h => h.Files).FirstOrDefaultAsync(h => h.Id == homeworkId, cancellationToken);
        if (homework is null || !await people.MayViewStudentAsync(currentUser, homework.OwnerId, cancellationToken))
        {
            throw new NotFoundException("homework");
        }

        return homework;
    }

    /// <summary>The homework when the caller owns it; 403 for a teacher or parent who may only read it.</summary>
    public async Task<Homework> FindOwnedAsync(Guid homeworkId, CancellationToken cancellationToken)
    {
        var homework = await FindReadableAsync(homeworkId, cancellationToken);
        if (homework.OwnerId != currentUser.UserId)
        {
            throw new ForbiddenException("read_only", "You may read this homework but only its owner may change it.");
        }

        return homework;
    }
}
