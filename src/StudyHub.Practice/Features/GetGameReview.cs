using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

namespace StudyHub.Practice.Features;

public sealed record ReviewReportView(Guid Id, string Reason, string? Comment, string StudentName, DateTime CreatedAt);

/// <summary>A question as its reviewing teacher sees it: with its answer key, explanation and open reports.</summary>
/// <param name="Hidden">Hidden questions are not served to new sessions and are skipped by sessions in progress.</param>
/// <param name="PointsVoided">A report is open: the points everyone earned on it are off their scores until it is resolved.</param>
/// <param name="Misconception">Teach-the-AI: the math engine's misconception planted in the wrong step (the rubric's key).</param>
public sealed record ReviewQuestion(
    Guid Id,
    int Position,
    string Type,
    string Prompt,
    string? Math,
    IReadOnlyList<OptionView> Options,
    string AnswerKey,
    string AnswerText,
    string Explanation,
    bool Hidden,
    bool PointsVoided,
    string? Misconception,
    DateTime? EditedAt,
    IReadOnlyList<ReviewReportView> OpenReports,
    int ResolvedReports);

public sealed record GameReview(Guid Id, string Title, string? SkillId, Guid? HomeworkId, int OpenReports, IReadOnlyList<ReviewQuestion> Questions);

/// <summary>
/// The rule for who reviews a game (docs/practice.md): the teacher who made it, or a teacher of the
/// student who made it (a student's own homework game is reviewed by their teachers). Students,
/// parents and administrators never review (403); any other teacher finds no such game (404).
/// </summary>
internal static class GameReviewAccess
{
    public static async Task<(Game Game, Guid TeacherId)> ReviewableAsync(
        PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people, Guid gameId, bool track, CancellationToken cancellationToken)
    {
        var teacherId = currentUser.RequireRole(Role.Teacher);
        var games = track ? db.Games : db.Games.AsNoTracking();
        var game = await games.FirstOrDefaultAsync(g => g.Id == gameId, cancellationToken);
        if (game is null || (game.OwnerId != teacherId && !await people.IsTeacherOfAsync(teacherId, game.OwnerId, cancellationToken)))
        {
            throw new NotFoundException("game");
        }

        return (game, teacherId);
    }
}

/// <summary>A game's questions with their answers and open reports, for the teacher who reviews it.</summary>
internal sealed class GetGameReview(PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people)
{
    public async Task<GameReview> HandleAsync(Guid gameId, CancellationToken cancellationToken)
    {
        var (game, _) = await GameReviewAccess.ReviewableAsync(db, currentUser, people, gameId, track: false, cancellationToken);
        var questions = await db.Questions.AsNoTracking().Where(q => q.GameId == game.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        var reports = await db.QuestionReports.AsNoTracking().Where(r => r.GameId == game.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var names = await NamesAsync(people, reports, cancellationToken);
        var views = questions.ConvertAll(q => ToView(q, reports.Where(r => r.QuestionId == q.Id).ToList(), names));
        return new GameReview(game.Id, game.Title, game.SkillId, game.HomeworkId, views.Sum(v => v.OpenReports.Count), views);
    }

    /// <summary>One question's review view after a change, with its reports read again.</summary>
    public static async Task<ReviewQuestion> QuestionViewAsync(PracticeDbContext db, IPeopleDirectory people, GameQuestion question, CancellationToken cancellationToken)
    {
        var reports = await db.QuestionReports.AsNoTracking().Where(r => r.QuestionId == question.Id).ToListAsync(cancellationToken);
        return ToView(question, reports, await NamesAsync(people, reports, cancellationToken));
    }

    /// <summary>Display names of the students behind open reports (the teacher may see their own students' names).</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(IPeopleDirectory people, IEnumerable<QuestionReport> reports, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var studentId in reports.Where(r => r.ResolvedAt is null).Select(r => r.StudentId).Distinct())
        {
            names[studentId] = (await people.FindStudentAsync(studentId, cancellationToken))?.DisplayName ?? "A former student";
        }

        return names;
    }

    private static ReviewQuestion ToView(GameQuestion question, IReadOnlyList<QuestionReport> reports, IReadOnlyDictionary<Guid, string> names) => new(
        question.Id,
        question.Position,
        GameViews.TypeName(question.Type),
        question.Prompt,
        question.Problem,
        [.. PracticeJson.OptionsOf(question).Select(o => new OptionView(o.Id, o.Text))],
        question.AnswerKey,
        question.AnswerText,
        question.Explanation,
        question.HiddenAt is not null,
        question.PointsVoidedAt is not null,
        question.Misconception,
        question.EditedAt,
        [.. reports.Where(r => r.ResolvedAt is null).Select(r => new ReviewReportView(
            r.Id, ReportQuestion.ReasonNames[(int)r.Reason], r.Comment, names.GetValueOrDefault(r.StudentId, "A student"), r.CreatedAt))],
        reports.Count(r => r.ResolvedAt is not null));

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/games/{id:guid}/review", async Task<Ok<GameReview>> (Guid id, GetGameReview handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .RequireAuthorization()
            .WithName("GetGameReview")
            .WithSummary("A game's questions with answer keys and open reports, for the teacher who made it or teaches the student who did.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
