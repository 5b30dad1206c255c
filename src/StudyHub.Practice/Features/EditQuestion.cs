using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Math;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

public sealed record OptionEdit(string? Id, string? Text);

/// <summary>Only the fields sent change.</summary>
/// <param name="Options">The whole new option list (ids and texts), for questions with options.</param>
/// <param name="AnswerKey">The right option's id, the wrong step's id, or a free answer's exact answer.</param>
/// <param name="Hidden">True hides the question from new sessions and skips it in sessions in progress; false shows it again.</param>
public sealed record EditQuestionRequest(string? Prompt, IReadOnlyList<OptionEdit>? Options, string? AnswerKey, bool? Hidden);

/// <summary>
/// A reviewing teacher edits a question's prompt, options and answer key, or hides it. A math
/// question's answer key is re-checked by the math engine: a free answer must be a right answer of
/// the question's problem, a multiple-choice key must name the one option the engine accepts (a
/// second right option is refused too). Sessions already playing the question are graded against
/// the edited key from then on.
/// </summary>
internal sealed class EditQuestion(PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people, MathEngine engine, TimeProvider clock)
{
    public const int MaxOptions = 8;
    public const int MaxOptionIdLength = 8;
    public const int MaxOptionTextLength = 300;

    public async Task<ReviewQuestion> HandleAsync(Guid gameId, Guid questionId, EditQuestionRequest request, CancellationToken cancellationToken)
    {
        var (game, _) = await GameReviewAccess.ReviewableAsync(db, currentUser, people, gameId, track: false, cancellationToken);
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.GameId == game.Id, cancellationToken)
            ?? throw new NotFoundException("question");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var changed = false;

        if (request.Prompt is not null)
        {
            var prompt = request.Prompt.Trim();
            if (prompt.Length is 0 or > GameQuestion.MaxPromptLength)
            {
                errors["prompt"] = [$"A prompt has 1 to {GameQuestion.MaxPromptLength} characters."];
            }
            else if (prompt != question.Prompt)
            {
                question.Prompt = prompt;
                changed = true;
            }
        }

        var hasOptions = question.Type is QuestionType.MultipleChoice or QuestionType.IdentifyTheError or QuestionType.TeachTheAi;
        var options = PracticeJson.OptionsOf(question).ToList();
        if (request.Options is not null)
        {
            if (!hasOptions)
            {
                errors["options"] = ["This kind of question has no options to edit."];
            }
            else if (ValidOptions(request.Options) is { } problem)
            {
                errors["options"] = [problem];
            }
            else
            {
                var edited = request.Options.Select(o => new QuestionOption(o.Id!.Trim(), o.Text!.Trim())).ToList();
                if (!edited.SequenceEqual(options))
                {
                    // A changed option no longer matches the misconception its label describes.
                    var labels = PracticeJson.MisconceptionsOf(question)
                        .Where(m => edited.Contains(new QuestionOption(m.Key, options.FirstOrDefault(o => o.Id == m.Key)?.Text ?? "")))
                        .ToDictionary(m => m.Key, m => m.Value);
                    question.MisconceptionsJson = JsonSerializer.Serialize(labels, PracticeJson.Options);
                    question.OptionsJson = JsonSerializer.Serialize(edited, PracticeJson.Options);
                    options = edited;
                    changed = true;
                }
            }
        }

        var key = request.AnswerKey?.Trim() ?? question.AnswerKey;
        if (errors.Count == 0 && (request.AnswerKey is not null || request.Options is not null))
        {
            if (CheckAnswerKey(question, options, key) is { } problem)
            {
                errors[request.AnswerKey is null ? "options" : "answerKey"] = [problem];
            }
            else
            {
                changed |= key != question.AnswerKey;
                question.AnswerKey = key;
                question.AnswerText = hasOptions ? options.First(o => o.Id == key).Text : key;
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        if (request.Hidden is { } hidden && hidden != (question.HiddenAt is not null))
        {
            question.HiddenAt = hidden ? now : null;
        }

        if (changed)
        {
            question.EditedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetGameReview.QuestionViewAsync(db, people, question, cancellationToken);
    }

    private static string? ValidOptions(IReadOnlyList<OptionEdit> options)
    {
        if (options.Count is < 2 or > MaxOptions)
        {
            return $"Give 2 to {MaxOptions} options.";
        }

        if (options.Any(o => string.IsNullOrWhiteSpace(o.Id) || o.Id.Trim().Length > MaxOptionIdLength))
        {
            return $"Every option needs an id of 1 to {MaxOptionIdLength} characters.";
        }

        if (options.Any(o => string.IsNullOrWhiteSpace(o.Text) || o.Text.Trim().Length > MaxOptionTextLength))
        {
            return $"Every option needs a text of 1 to {MaxOptionTextLength} characters.";
        }

        if (options.Select(o => o.Id!.Trim()).Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            return "Two options have the same id.";
        }

        return options.Select(o => Normalize(o.Text!)).Distinct(StringComparer.Ordinal).Count() != options.Count
            ? "Two options say the same thing."
            : null;
    }

    /// <summary>Why the key cannot be the answer, or null. Math keys go through the engine.</summary>
    private string? CheckAnswerKey(GameQuestion question, IReadOnlyList<QuestionOption> options, string key)
    {
        if (key.Length is 0 or > GameQuestion.MaxAnswerKeyLength)
        {
            return $"An answer key has 1 to {GameQuestion.MaxAnswerKeyLength} characters.";
        }

        switch (question.Type)
        {
            case QuestionType.MultipleChoice:
                if (options.FirstOrDefault(o => o.Id == key) is not { } right)
                {
                    return "The answer key must be the id of one of the options.";
                }

                if (question.Problem is { } problem)
                {
                    if (!Accepts(problem, right.Text))
                    {
                        return $"The math engine does not accept \"{right.Text}\" as the answer to {problem}.";
                    }

                    if (options.FirstOrDefault(o => o.Id != key && Accepts(problem, o.Text)) is { } second)
                    {
                        return $"Option {second.Id} (\"{second.Text}\") is right too: a question has one right option.";
                    }
                }

                return null;
            case QuestionType.IdentifyTheError:
            case QuestionType.TeachTheAi:
                return options.Any(o => o.Id == key) ? null : "The answer key must be the id of one of the steps.";
            case QuestionType.FreeAnswer:
                return question.Problem is { } freeProblem && !Accepts(freeProblem, key)
                    ? $"The math engine does not accept \"{key}\" as the answer to {freeProblem}."
                    : null;
            default:
                return "This kind of question's answer key cannot be edited here.";
        }
    }

    private bool Accepts(string problem, string answer)
    {
        try
        {
            return engine.Check(problem, answer).CountsAsCorrect;
        }
        catch (MathEngineException)
        {
            return false;
        }
    }

    private static string Normalize(string text) => text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPatch("/games/{id:guid}/questions/{questionId:guid}", async Task<Ok<ReviewQuestion>> (
                Guid id, Guid questionId, EditQuestionRequest request, EditQuestion handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, questionId, request, ct)))
            .RequireAuthorization()
            .WithName("EditGameQuestion")
            .WithSummary("A reviewing teacher edits a question's prompt, options or answer key (math keys re-checked by the engine), or hides it.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
