namespace StudyHub.Kernel.Homework;

/// <param name="AnswerExact">The math engine's exact answer key, or null when the problem has none (never a guessed one).</param>
public sealed record HomeworkProblemView(
    Guid Id,
    int Page,
    string Label,
    string Text,
    string? Instruction,
    string Subject,
    string? SkillId,
    string? AnswerExact,
    string? AnswerDecimal);

public sealed record HomeworkView(
    Guid Id,
    Guid OwnerId,
    string Title,
    string? Subject,
    bool IsReady,
    IReadOnlyList<HomeworkProblemView> Problems,
    IReadOnlyList<string> PageTexts);

/// <summary>What other modules (practice games, tutor, exams) may read of a homework; the Content module answers.</summary>
public interface IHomeworkQueries
{
    /// <summary>The homework when <paramref name="viewerId"/> may see it (owner, their teacher, their linked parent); otherwise null.</summary>
    Task<HomeworkView?> FindVisibleAsync(Guid homeworkId, Guid viewerId, CancellationToken cancellationToken);
}
