namespace StudyHub.Kernel.Learning;

/// <summary>
/// A student earned a badge of the practice catalogue (each at most once). Published through the
/// outbox by the practice module; notifications, xAPI and webhooks may react.
/// </summary>
/// <param name="EventId">Unique per award; handlers use it to stay idempotent.</param>
/// <param name="BadgeId">Stable id from the catalogue, e.g. <c>first-game</c>, <c>streak-5</c>.</param>
public sealed record BadgeAwarded(Guid EventId, Guid StudentId, string BadgeId, string Name, DateTime AwardedAt);
