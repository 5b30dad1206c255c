namespace StudyHub.Content.Features;

public sealed record HomeworkFileItem(Guid Id, string Name, string Format, long SizeBytes);

public sealed record HomeworkPageItem(int Number, string Text, double? OcrConfidence, string Method);

/// <param name="AnswerExact">The math engine's exact answer key; null when there is none (see <paramref name="NoAnswerKeyReason"/>).</param>
public sealed record HomeworkProblemItem(
    Guid Id,
    int Page,
    string Label,
    string Text,
    string? Instruction,
    double Confidence,
    string Subject,
    string? SkillId,
    string? AnswerExact,
    string? AnswerDecimal,
    string? NoAnswerKeyReason,
    bool CorrectedByStudent);

public sealed record HomeworkDetails(
    Guid Id,
    Guid OwnerId,
    string Title,
    string Status,
    int Progress,
    string ProgressMessage,
    string? FailureCode,
    string? FailureReason,
    string? Subject,
    IReadOnlyList<string> Skills,
    DateTime CreatedAt,
    bool CanEdit,
    IReadOnlyList<HomeworkFileItem> Files,
    IReadOnlyList<HomeworkPageItem> Pages,
    IReadOnlyList<HomeworkProblemItem> Problems);

/// <summary>One homework with its status, pages and problems (answer keys included), for its owner, their teachers and parents.</summary>
internal sealed class GetHomework(ContentDbContext db, HomeworkAccess access, ICurrentUser currentUser)
{
    public async Task<HomeworkDetails> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var homework = await access.FindReadableAsync(id, cancellationToken);
        var pages = await db.Pages.AsNoTracking().Where(p => p.HomeworkId == id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var problems = await db.Problems.AsNoTracking().Where(p => p.HomeworkId == id).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        return ToDetails(homework, pages, problems, homework.OwnerId == currentUser.UserId);
    }

    public static HomeworkDetails ToDetails(Homework homework, IReadOnlyList<HomeworkPage> pages, IReadOnlyList<HomeworkProblem> problems, bool canEdit) => new(
        homework.Id,
        homework.OwnerId,
        homework.Title,
        HomeworkProgressNotifier.StatusName(homework.Status),
        homework.Progress,
        homework.ProgressMessage,
        homework.FailureCode,
        homework.FailureReason,
        homework.Subject,
        problems.Where(p => p.SkillId is not null).Select(p => p.SkillId!).Distinct().Order(StringComparer.Ordinal).ToList(),
        homework.CreatedAt,
        canEdit,
        homework.Files.OrderBy(f => f.Position).Select(f => new HomeworkFileItem(f.Id, f.FileName, f.Format, f.SizeBytes)).ToList(),
        pages.Select(p => new HomeworkPageItem(p.Number, p.Text, p.OcrConfidence, p.Method)).ToList(),
        problems.Select(ToItem).ToList());

    public static HomeworkProblemItem ToItem(HomeworkProblem p) => new(
        p.Id, p.Page, p.Label, p.Text, p.Instruction, p.Confidence, p.Subject, p.SkillId, p.AnswerExact, p.AnswerDecimal, p.NoAnswerKeyReason, p.CorrectedByStudent);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/homework/{id:guid}", async Task<Ok<HomeworkDetails>> (Guid id, GetHomework handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization()
            .WithName("GetHomework")
            .WithSummary("A homework: status and progress, pages with extracted text and OCR confidence, problems with subject, skill and answer key.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
