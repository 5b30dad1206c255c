using StudyHub.Content.Storage;
using StudyHub.Kernel.Privacy;

namespace StudyHub.Content.Data;

/// <summary>
/// The Content module's part of a GDPR export and erasure: every homework a user uploaded, with
/// what was read from it and the problems found. Erasure removes the rows first, then the stored
/// originals (a file that cannot be removed is logged and the erasure can be run again).
/// </summary>
internal sealed class HomeworkPersonalData(ContentDbContext db, HomeworkOriginals originals) : IPersonalDataContributor
{
    public string Section => "homework";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var homework = await db.Homework.AsNoTracking().AsSplitQuery()
            .Include(h => h.Files).Include(h => h.Pages).Include(h => h.Problems)
            .Where(h => h.OwnerId == userId)
            .OrderBy(h => h.CreatedAt)
            .ToListAsync(cancellationToken);
        return homework.Select(h => new
        {
            h.Id, h.Title, status = h.Status.ToString(), h.Subject, h.FailureReason, h.CreatedAt, h.UpdatedAt,
            files = h.Files.OrderBy(f => f.Position).Select(f => new { f.FileName, f.Format, f.SizeBytes }),
            pages = h.Pages.OrderBy(p => p.Number).Select(p => new { p.Number, p.Text, p.Method, p.OcrConfidence }),
            problems = h.Problems.OrderBy(p => p.Position).Select(p => new
            {
                p.Label, p.Instruction, p.Text, p.Subject, p.SkillId, p.AnswerExact, p.AnswerDecimal, p.NoAnswerKeyReason, p.CorrectedByStudent,
            }),
        }).ToList();
    }

    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        var homework = await db.Homework.Include(h => h.Files).Where(h => h.OwnerId == userId).ToListAsync(cancellationToken);
        var keys = homework.SelectMany(h => h.Files).Select(f => f.StorageKey).ToList();
        db.Homework.RemoveRange(homework);
        await db.SaveChangesAsync(cancellationToken);
        await originals.DeleteQuietlyAsync(keys, "an erased user's homework");
    }
}
