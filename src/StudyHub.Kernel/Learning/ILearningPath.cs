namespace StudyHub.Kernel.Learning;

/// <param name="Reason"><c>next-on-the-path</c> (prerequisites mastered) or <c>weak-spot</c>.</param>
/// <param name="Mastery">P(L), 0–1.</param>
public sealed record NextSkill(string SkillId, string? Name, string Reason, double Mastery);

/// <summary>The next best skill for a student to practise; the Progress module answers.</summary>
public interface ILearningPath
{
    /// <summary>Null when there is no evidence to recommend from yet, or the caller may not see this student.</summary>
    Task<NextSkill?> RecommendAsync(Guid studentId, CancellationToken cancellationToken);
}
