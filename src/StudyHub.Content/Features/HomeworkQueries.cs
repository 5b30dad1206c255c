using StudyHub.Kernel.Homework;

namespace StudyHub.Content.Features;

/// <summary>What games, the tutor and exams may read of a homework, with the same visibility rules as the API.</summary>
internal sealed class HomeworkQueries(ContentDbContext db, IPeopleDirectory people) : IHomeworkQueries
{
    public async Task<HomeworkView?> FindVisibleAsync(Guid homeworkId, Guid viewerId, CancellationToken cancellationToken)
    {
        var homework = await db.Homework.AsNoTracking().FirstOrDefaultAsync(h => h.Id == homeworkId, cancellationToken);
        if (homework is null
            || (homework.OwnerId != viewerId
                && !await people.IsTeacherOfAsync(viewerId, homework.OwnerId, cancellationToken)
                && !await people.IsParentOfAsync(viewerId, homework.OwnerId, cancellationToken)))
        {
            return null;
        }

        var problems = await db.Problems.AsNoTracking().Where(p => p.HomeworkId == homeworkId).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var pages = await db.Pages.AsNoTracking().Where(p => p.HomeworkId == homeworkId).OrderBy(p => p.Number).Select(p => p.Text).ToListAsync(cancellationToken);
        return new HomeworkView(
            homework.Id,
            homework.OwnerId,
            homework.Title,
            homework.Subject,
            homework.Status == HomeworkStatus.Ready,
            problems.ConvertAll(p => new HomeworkProblemView(p.Id, p.Page, p.Label, p.Text, p.Instruction, p.Subject, p.SkillId, p.AnswerExact, p.AnswerDecimal)),
            pages);
    }
}
