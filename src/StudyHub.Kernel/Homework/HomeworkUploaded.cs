namespace StudyHub.Kernel.Homework;

/// <summary>
/// A student uploaded homework (files or pasted text). Published through the outbox by the Content
/// module in the same transaction as the homework, so the learning-event log (Progress) and xAPI
/// see every upload once.
/// </summary>
/// <param name="EventId">Unique per upload; handlers use it to stay idempotent.</param>
/// <param name="FileCount">Files stored (1 for pasted text).</param>
public sealed record HomeworkUploaded(Guid EventId, Guid StudentId, Guid HomeworkId, int FileCount, DateTime UploadedAt);
