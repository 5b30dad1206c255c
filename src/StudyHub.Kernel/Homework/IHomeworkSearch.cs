namespace StudyHub.Kernel.Homework;

/// <summary>A passage of a student's homework that matches a search, with the page it is on.</summary>
public sealed record HomeworkSearchHit(Guid HomeworkId, int Page, string Text, double Score);

/// <summary>
/// Full-text search over a student's homework pages (SQLite FTS5 with BM25, PostgreSQL tsvector
/// with a GIN index), for the tutor's retrieval. The Content module answers.
/// </summary>
public interface IHomeworkSearch
{
    /// <summary>The best passages of <paramref name="ownerId"/>'s homework (one homework when given), best first.</summary>
    Task<IReadOnlyList<HomeworkSearchHit>> SearchAsync(Guid ownerId, string query, Guid? homeworkId, int limit, CancellationToken cancellationToken);
}
