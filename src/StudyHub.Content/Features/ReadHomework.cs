using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StudyHub.Content.Classification;
using StudyHub.Content.Extraction;
using StudyHub.Content.Problems;
using StudyHub.Content.Search;
using StudyHub.Content.Storage;
using StudyHub.Kernel.Jobs;

namespace StudyHub.Content.Features;

internal sealed record ReadHomeworkPayload(Guid HomeworkId);

/// <summary>
/// The job <c>content.read-homework</c>: reads the files, finds the problems, makes their answer
/// keys and skills, and saves pages, problems, search chunks and the job's completion in one
/// SaveChanges. Re-running it (after a crash) replaces nothing twice: a finished homework is left
/// alone, and an unfinished one never had results committed.
/// </summary>
internal sealed class ReadHomework(
    ContentDbContext db,
    IDocumentReader reader,
    IProblemFinder finder,
    IProblemClassifier classifier,
    AnswerKeys answerKeys,
    HomeworkOriginals originals,
    HomeworkProgressNotifier notifier,
    ContentMetrics metrics,
    TimeProvider clock,
    ILogger<ReadHomework> logger) : IJobHandler
{
    public const string JobKind = "content.read-homework";
    public const int MaxAttempts = 3;

    public string Kind => JobKind;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<ReadHomeworkPayload>();
        var homework = await db.Homework.Include(h => h.Files).FirstOrDefaultAsync(h => h.Id == payload.HomeworkId, cancellationToken);
        if (homework is null || homework.Status is HomeworkStatus.Ready or HomeworkStatus.Failed)
        {
            // Deleted meanwhile, or finished by an earlier run whose completion was lost.
            job.CompleteWith(db);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var total = Stopwatch.StartNew();
        metrics.Started();
        try
        {
            await MoveToAsync(job, homework, HomeworkStatus.Reading, 5, "reading", cancellationToken);
            var document = await ReadAsync(job, homework, cancellationToken);

            await MoveToAsync(job, homework, HomeworkStatus.FindingProblems, 80, "finding problems", cancellationToken);
            var stage = Stopwatch.StartNew();
            var found = finder.Find(document);
            var problems = found.Select((p, i) => ToProblem(homework.Id, i, p)).ToList();
            metrics.StageTook("finding_problems", stage.Elapsed);

            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await ReplaceResultsAsync(homework, document, problems, cancellationToken);
                homework.MoveTo(HomeworkStatus.Ready, 100, "ready", clock.GetUtcNow().UtcDateTime);
                job.CompleteWith(db);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            metrics.Read("ready", total.Elapsed);
            notifier.Publish(homework);
        }
        catch (FileNotFoundException e)
        {
            // Only a store emptied behind our back gets here; retrying cannot bring the file back.
            logger.LogError(e, "The original of homework {HomeworkId} is missing from the file store", homework.Id);
            await FailAsync(homework, "original_missing", "The uploaded file is no longer stored. Upload it again.", cancellationToken);
            throw new PermanentJobFailureException(e.Message);
        }
        catch (UnreadableDocumentException e)
        {
            await FailAsync(homework, e.Code, e.Message, cancellationToken);
            throw new PermanentJobFailureException(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException && job.Attempt >= MaxAttempts)
        {
            // The last attempt: tell the student rather than leave the homework "reading" forever.
            logger.LogError(e, "Reading homework {HomeworkId} failed on its last attempt", homework.Id);
            await FailAsync(homework, "reading_failed", "Something went wrong while reading this homework. Try uploading it again.", cancellationToken);
            throw;
        }
    }

    private async Task<ExtractedDocument> ReadAsync(JobExecution job, Homework homework, CancellationToken cancellationToken)
    {
        await using var copies = await originals.CopyOutAsync(
            homework.Files.OrderBy(f => f.Position).Select(f => (f.StorageKey, f.FileName, Enum.Parse<SourceFormat>(f.Format))), cancellationToken);
        var stage = Stopwatch.StartNew();
        var progress = new PageProgress(homework.Id, notifier);
        var document = await reader.ReadAsync(copies.Files, progress, cancellationToken);
        metrics.StageTook("reading", stage.Elapsed);
        foreach (var page in document.Pages.Where(p => p.OcrConfidence is not null))
        {
            metrics.OcrConfidence(page.OcrConfidence!.Value);
        }

        if (progress.Latest is { } last)
        {
            await job.ReportProgressAsync(75, last, cancellationToken);
        }

        return document;
    }

    private HomeworkProblem ToProblem(Guid homeworkId, int position, FoundProblem found)
    {
        var text = Truncate(found.Text.Trim(), HomeworkProblem.MaxTextLength);
        var problem = new HomeworkProblem
        {
            HomeworkId = homeworkId,
            Position = position,
            Page = found.Page,
            Label = Truncate(found.Label, 40),
            Instruction = found.Instruction is null ? null : Truncate(found.Instruction, 500),
            Text = text,
            Confidence = System.Math.Clamp(found.Confidence, 0, 1),
        };
        Solve(problem, classifier, answerKeys);
        return problem;
    }

    /// <summary>Classifies a problem and makes its answer key (also after a student corrects its text).</summary>
    internal static void Solve(HomeworkProblem problem, IProblemClassifier classifier, AnswerKeys answerKeys)
    {
        var classification = classifier.Classify(problem.Text, problem.Instruction);
        problem.Subject = classification.Subject;
        problem.SkillId = classification.SkillId;
        var key = answerKeys.For(problem.Text, problem.Instruction, problem.Confidence);
        problem.AnswerExact = key.Exact is null ? null : Truncate(key.Exact, 500);
        problem.AnswerDecimal = key.Decimal is null ? null : Truncate(key.Decimal, 500);
        problem.NoAnswerKeyReason = key.NoKeyReason is null ? null : Truncate(key.NoKeyReason, 300);
    }

    private async Task ReplaceResultsAsync(Homework homework, ExtractedDocument document, List<HomeworkProblem> problems, CancellationToken cancellationToken)
    {
        // Belt and braces for idempotency: whatever an earlier run left goes before the new rows.
        await db.Pages.Where(p => p.HomeworkId == homework.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Problems.Where(p => p.HomeworkId == homework.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SearchChunks.Where(c => c.HomeworkId == homework.Id).ExecuteDeleteAsync(cancellationToken);

        db.Pages.AddRange(document.Pages.Select(p => new HomeworkPage
        {
            HomeworkId = homework.Id,
            Number = p.Number,
            Text = p.Text,
            OcrConfidence = p.OcrConfidence,
            Method = p.Method.ToString(),
        }));
        db.Problems.AddRange(problems);
        db.SearchChunks.AddRange(SearchChunk.Split(homework.Id, homework.OwnerId, document.Pages.Select(p => (p.Number, p.Text))));
        homework.Subject = problems.Where(p => p.Subject != "unknown").GroupBy(p => p.Subject)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault()
            ?? SubjectOfText(document);
    }

    private string? SubjectOfText(ExtractedDocument document)
    {
        var text = string.Join("\n", document.Pages.Select(p => p.Text));
        var subject = text.Length == 0 ? "unknown" : classifier.Classify(text.Length > 4000 ? text[..4000] : text, null).Subject;
        return subject == "unknown" ? null : subject;
    }

    private async Task MoveToAsync(JobExecution job, Homework homework, HomeworkStatus status, int percent, string message, CancellationToken cancellationToken)
    {
        homework.MoveTo(status, percent, message, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(homework);
        await job.ReportProgressAsync(percent, message, cancellationToken);
    }

    private async Task FailAsync(Homework homework, string code, string reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var fresh = await db.Homework.FirstAsync(h => h.Id == homework.Id, cancellationToken);
        fresh.Fail(code, reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        metrics.Read("failed", TimeSpan.Zero);
        notifier.Publish(fresh);
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;

    /// <summary>
    /// "reading page 2 of 5" straight to live listeners. The reader may report from its worker
    /// threads, so this only touches the thread-safe notifier; the database gets the stage changes.
    /// </summary>
    private sealed class PageProgress(Guid homeworkId, HomeworkProgressNotifier notifier) : IProgress<ReadingProgress>
    {
        public string? Latest { get; private set; }

        public void Report(ReadingProgress value)
        {
            var message = $"reading page {System.Math.Min(value.PagesDone + 1, value.PageCount)} of {value.PageCount}";
            Latest = message;
            var percent = 5 + (int)(70.0 * value.PagesDone / System.Math.Max(1, value.PageCount));
            notifier.Publish(new HomeworkProgress(homeworkId, "reading", percent, message, null, null));
        }
    }
}
