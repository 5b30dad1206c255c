namespace StudyHub.Kernel.Learning;

/// <param name="DueLocal">The due time on the class's clock, <c>yyyy-MM-ddTHH:mm</c>.</param>
/// <param name="Missing">The due time has passed without the work being finished.</param>
public sealed record WorkDue(Guid AssignmentId, Guid GameId, string Title, string ClassroomName, DateTime DueAt, string DueLocal, bool Missing);

/// <summary>The signed-in student's unfinished assignments, missing first then by due time; the Progress module answers.</summary>
public interface IWorkDue
{
    Task<IReadOnlyList<WorkDue>> MineAsync(CancellationToken cancellationToken);
}
