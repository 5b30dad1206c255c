using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Users;

namespace StudyHub.Practice.Leaderboards;

/// <summary>
/// Public (global) boards are a restricted feature for under-13s: once a parent withdraws consent
/// the child's past entries come down too, not only future points. Class boards need nothing here:
/// they leave out students awaiting consent when read. Removing is idempotent, so a retried job is harmless.
/// </summary>
internal sealed class LeaveGlobalBoardsOnConsentWithdrawn(ILeaderboard leaderboard) : IIntegrationEventHandler<ParentalConsentWithdrawn>
{
    public Task HandleAsync(ParentalConsentWithdrawn integrationEvent, CancellationToken cancellationToken) =>
        leaderboard.RemoveAsync(integrationEvent.StudentId, BoardRef.GlobalScope, cancellationToken);
}
