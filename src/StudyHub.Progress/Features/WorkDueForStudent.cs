using StudyHub.Kernel.Learning;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>The unfinished part of <see cref="ListAssignments.ForMeAsync"/>, for the student's dashboard (same access rules).</summary>
internal sealed class WorkDueForStudent(ListAssignments assignments) : IWorkDue
{
    public async Task<IReadOnlyList<WorkDue>> MineAsync(CancellationToken cancellationToken) =>
        [.. (await assignments.ForMeAsync(cancellationToken))
            .Where(a => a.MyStatus is not (AssignmentStatus.Completed or AssignmentStatus.CompletedLate))
            .OrderBy(a => a.MyStatus != AssignmentStatus.Missing)
            .ThenBy(a => a.DueAt)
            .Select(a => new WorkDue(a.Id, a.GameId, a.Title, a.ClassroomName, a.DueAt, a.DueLocal, a.MyStatus == AssignmentStatus.Missing))];
}
