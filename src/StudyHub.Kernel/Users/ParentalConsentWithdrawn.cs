namespace StudyHub.Kernel.Users;

/// <summary>
/// A parent withdrew consent for their child under 13: modules take down what the child may only
/// have with consent (e.g. their entries on public leaderboards), not merely stop adding to it.
/// </summary>
/// <param name="EventId">Unique per withdrawal; handlers use it to stay idempotent.</param>
public sealed record ParentalConsentWithdrawn(Guid EventId, Guid StudentId, DateTime WithdrawnAt);
