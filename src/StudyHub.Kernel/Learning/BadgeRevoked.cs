namespace StudyHub.Kernel.Learning;

/// <summary>
/// A badge whose condition no longer holds was taken back (the 1,000-points badge after a report
/// voided the points that earned it). Published through the outbox by the practice module; the
/// badge may be awarded again, with a new <see cref="BadgeAwarded"/>, when the points come back.
/// </summary>
/// <param name="EventId">Unique per revocation; handlers use it to stay idempotent.</param>
public sealed record BadgeRevoked(Guid EventId, Guid StudentId, string BadgeId, string Name, DateTime RevokedAt);
