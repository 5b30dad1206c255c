namespace StudyHub.Kernel.Homework;

/// <param name="Status"><c>queued</c>, <c>reading</c>, <c>ready</c> or <c>failed</c>.</param>
public sealed record HomeworkHeadline(Guid Id, string Title, string Status, string? Subject, int ProblemCount, DateTime CreatedAt);

/// <summary>A student's latest homework for dashboards; the Content module answers.</summary>
public interface IRecentHomework
{
    /// <summary>Newest first, at most <paramref name="count"/>; empty when the caller may not see this student.</summary>
    Task<IReadOnlyList<HomeworkHeadline>> ListAsync(Guid studentId, int count, CancellationToken cancellationToken);
}
