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
internal sealed class RecordActivity(ProgressDbContext db)
    : IIntegrationEventHandler<BadgeAwarded>, IIntegrationEventHandler<BadgeRevoked>, IIntegrationEventHandler<HomeworkUploaded>
{
    public Task HandleAsync(BadgeAwarded badge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(badge);
        return AppendOnceAsync(BadgeEntry(badge.EventId, badge.StudentId, ActivityKind.BadgeEarned, badge.BadgeId, badge.Name, badge.AwardedAt), cancellationToken);
    }

    public Task HandleAsync(BadgeRevoked badge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(badge);
        return AppendOnceAsync(BadgeEntry(badge.EventId, badge.StudentId, ActivityKind.BadgeRevoked, badge.BadgeId, badge.Name, badge.RevokedAt), cancellationToken);
    }

    private static ActivityEntry BadgeEntry(Guid eventId, Guid studentId, ActivityKind kind, string badgeId, string? badgeName, DateTime occurredAt)
    {
        if (string.IsNullOrWhiteSpace(badgeId) || badgeId.Length > ActivityEntry.MaxObjectIdLength)
        {
            throw new PermanentJobFailureException($"Badge event {eventId} has no usable badge id.");
        }

        var name = string.IsNullOrWhiteSpace(badgeName) ? null : badgeName.Trim();
        return new ActivityEntry
        {
            Id = eventId,
            StudentId = studentId,
            Kind = kind,
            ObjectId = badgeId,
            Name = name is { Length: > ActivityEntry.MaxNameLength } ? name[..ActivityEntry.MaxNameLength] : name,
            OccurredAt = occurredAt,
        };
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
