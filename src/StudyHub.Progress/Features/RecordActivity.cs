using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// Puts the learning events other modules publish through the outbox into the learning-event log:
/// badges (Practice) and homework uploads (Content). Delivered at least once, possibly by two
/// workers at once: the event id is the row's key, so a second delivery adds nothing.
/// </summary>
internal sealed class RecordActivity(ProgressDbContext db) : IIntegrationEventHandler<BadgeAwarded>, IIntegrationEventHandler<HomeworkUploaded>
{
    public Task HandleAsync(BadgeAwarded badge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(badge);
        if (string.IsNullOrWhiteSpace(badge.BadgeId) || badge.BadgeId.Length > ActivityEntry.MaxObjectIdLength)
        {
            throw new PermanentJobFailureException($"Badge event {badge.EventId} has no usable badge id.");
        }

        var name = string.IsNullOrWhiteSpace(badge.Name) ? null : badge.Name.Trim();
        return AppendOnceAsync(new ActivityEntry
        {
            Id = badge.EventId,
            StudentId = badge.StudentId,
            Kind = ActivityKind.BadgeEarned,
            ObjectId = badge.BadgeId,
            Name = name is { Length: > ActivityEntry.MaxNameLength } ? name[..ActivityEntry.MaxNameLength] : name,
            OccurredAt = badge.AwardedAt,
        }, cancellationToken);
    }

    public Task HandleAsync(HomeworkUploaded upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return AppendOnceAsync(new ActivityEntry
        {
            Id = upload.EventId,
            StudentId = upload.StudentId,
            Kind = ActivityKind.HomeworkUploaded,
            ObjectId = upload.HomeworkId.ToString(),
            Count = upload.FileCount,
            OccurredAt = upload.UploadedAt,
        }, cancellationToken);
    }

    private async Task AppendOnceAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        if (await db.Activities.AnyAsync(a => a.Id == entry.Id, cancellationToken))
        {
            return;
        }

        db.Activities.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event saved it first: done. Anything else fails the job (retried).
            db.ChangeTracker.Clear();
            if (!await db.Activities.AnyAsync(a => a.Id == entry.Id, cancellationToken))
            {
                throw;
            }
        }
    }
}
