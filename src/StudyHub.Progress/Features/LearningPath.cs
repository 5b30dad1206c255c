using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Skills;

namespace StudyHub.Progress.Features;

/// <summary>The recommendation of <see cref="GetStudentProgress"/>, for other modules' dashboards (same access rules).</summary>
internal sealed class LearningPath(GetStudentProgress progress, ISkillCatalog? catalog = null) : ILearningPath
{
    public async Task<NextSkill?> RecommendAsync(Guid studentId, CancellationToken cancellationToken)
    {
        StudentProgressView view;
        try
        {
            view = await progress.HandleAsync(studentId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        return view.Recommendation is { } next
            ? new NextSkill(next.SkillId, catalog?.Find(next.SkillId)?.Name, next.Reason, next.Mastery)
            : null;
    }
}
