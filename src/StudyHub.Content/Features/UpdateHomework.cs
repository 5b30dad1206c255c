using StudyHub.Content.Classification;
using StudyHub.Kernel.Validation;

namespace StudyHub.Content.Features;

public sealed record ProblemCorrection(Guid Id, string? Text);

/// <param name="Problems">Problems whose text the student corrects (a misread photo); each is classified and solved again.</param>
public sealed record UpdateHomeworkRequest(string? Title, IReadOnlyList<ProblemCorrection>? Problems);

/// <summary>The owner renames a homework or corrects a problem's text, which re-makes its answer key.</summary>
internal sealed class UpdateHomework(ContentDbContext db, HomeworkAccess access, IProblemClassifier classifier, AnswerKeys answerKeys, TimeProvider clock)
{
    public const int MaxCorrections = 200;

    public async Task<HomeworkDetails> HandleAsync(Guid id, UpdateHomeworkRequest request, CancellationToken cancellationToken)
    {
        var homework = await access.FindOwnedAsync(id, cancellationToken);
        var errors = new FieldErrors();
        if (request.Title is not null)
        {
            errors.RequireText("title", request.Title, Homework.MaxTitleLength);
        }

        var corrections = request.Problems ?? [];
        if (corrections.Count > MaxCorrections)
        {
            errors.Add("problems", $"correct at most {MaxCorrections} problems at once.");
        }

        for (var i = 0; i < corrections.Count; i++)
        {
            errors.RequireText($"problems[{i}].text", corrections[i].Text, HomeworkProblem.MaxTextLength);
        }

        errors.ThrowIfAny();
        var problems = await db.Problems.Where(p => p.HomeworkId == id).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        for (var i = 0; i < corrections.Count; i++)
        {
            if (problems.FirstOrDefault(p => p.Id == corrections[i].Id) is not { } problem)
            {
                errors.Add($"problems[{i}].id", "is not a problem of this homework.");
                continue;
            }

            problem.Text = corrections[i].Text!.Trim();
            problem.CorrectedByStudent = true;

            // The student vouches for the text now, so the reading's doubt no longer holds its key back.
            problem.Confidence = 1.0;
            ReadHomework.Solve(problem, classifier, answerKeys);
        }

        errors.ThrowIfAny();
        if (request.Title is not null)
        {
            homework.Title = request.Title.Trim();
        }

        homework.Touch(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var pages = await db.Pages.AsNoTracking().Where(p => p.HomeworkId == id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        return GetHomework.ToDetails(homework, pages, problems, canEdit: true);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPatch("/homework/{id:guid}", async Task<Ok<HomeworkDetails>> (Guid id, UpdateHomeworkRequest request, UpdateHomework handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .RequireAuthorization()
            .WithName("UpdateHomework")
            .WithSummary("Rename a homework, or correct problems' text (each is solved and classified again). Owner only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
