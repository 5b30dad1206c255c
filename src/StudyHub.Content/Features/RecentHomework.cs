using StudyHub.Kernel.Homework;

namespace StudyHub.Content.Features;

/// <summary>The first page of <see cref="ListHomework"/>, for other modules' dashboards (same access rules).</summary>
internal sealed class RecentHomework(ListHomework list) : IRecentHomework
{
    public async Task<IReadOnlyList<HomeworkHeadline>> ListAsync(Guid studentId, int count, CancellationToken cancellationToken)
    {
        try
        {
            var page = await list.HandleAsync(studentId, 1, System.Math.Clamp(count, 1, ListHomework.MaxPageSize), cancellationToken);
            return [.. page.Items.Select(h => new HomeworkHeadline(h.Id, h.Title, h.Status, h.Subject, h.ProblemCount, h.CreatedAt))];
        }
        catch (NotFoundException)
        {
            return [];
        }
    }
}
