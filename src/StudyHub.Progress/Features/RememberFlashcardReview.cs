using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// Keeps each flashcard's memory after its latest review, for "mastered, fading". Delivered by the
/// outbox, possibly twice or out of order: a review no newer than the one kept changes nothing, so
/// a redelivery is a no-op and an older review never overwrites a newer one.
/// </summary>
internal sealed class RememberFlashcardReview(ProgressDbContext db) : IIntegrationEventHandler<FlashcardReviewed>
{
    public async Task HandleAsync(FlashcardReviewed review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (string.IsNullOrWhiteSpace(review.SkillId) || review.SkillId.Length > SkillMastery.MaxSkillIdLength)
        {
            // A homework card whose problem has no skill cannot freshen a skill.
            return;
        }

        // Events published before the stability travelled with them: at retention 0.9 the interval
        // FSRS schedules is the stability rounded to whole days, the closest figure they carry.
        var stability = review.Stability is { } known && known > 0 ? known : Math.Max(1, review.IntervalDays);
        var card = await db.CardMemories.FirstOrDefaultAsync(c => c.StudentId == review.StudentId && c.CardId == review.CardId, cancellationToken);
        if (card is null)
        {
            db.CardMemories.Add(new CardMemory
            {
                StudentId = review.StudentId, CardId = review.CardId, SkillId = review.SkillId, StabilityDays = stability, ReviewedAt = review.ReviewedAt,
            });
        }
        else if (review.ReviewedAt > card.ReviewedAt)
        {
            card.SkillId = review.SkillId;
            card.StabilityDays = stability;
            card.ReviewedAt = review.ReviewedAt;
        }
        else
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
