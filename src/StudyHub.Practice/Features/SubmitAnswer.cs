using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Math;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Practice.Features;

/// <summary>One attempt at a question.</summary>
public sealed record SubmitAnswerRequest
{
    /// <param name="questionId">The question being answered.</param>
    /// <param name="answer">
    /// A string for choice and free-answer questions (an option id, or the answer as typed); for match
    /// the pairing <c>{"a": "3", "b": "1"}</c> or a list of pairs <c>[["a", "3"], ["b", "1"]]</c>; for
    /// order the item ids first to last <c>["c", "a", "b"]</c>.
    /// </param>
    /// <param name="explanation">Teach-the-AI questions only: the fix of the wrong step in the student's own words.</param>
    [JsonConstructor]
    public SubmitAnswerRequest(Guid questionId, JsonElement? answer, string? explanation = null)
    {
        QuestionId = questionId;
        Answer = answer;
        Explanation = explanation;
    }

    /// <summary>A text answer (an option id or a typed answer), as the play page's forms send it.</summary>
    public SubmitAnswerRequest(Guid questionId, string? answer, string? explanation = null)
        : this(questionId, answer is null ? null : JsonSerializer.SerializeToElement(answer), explanation)
    {
    }

    public Guid QuestionId { get; init; }

    public JsonElement? Answer { get; init; }

    public string? Explanation { get; init; }
}

/// <summary>The terms of the score formula for one attempt (docs/scoring.md).</summary>
public sealed record PointsView(int Base, decimal TimeBonus, decimal Accuracy, decimal Fraction, int StreakBonus, decimal HintMultiplier, int Total);

/// <summary>
/// The outcome of an attempt. <see cref="CorrectAnswer"/> and <see cref="Explanation"/> are set only
/// once the question has ended; while attempts remain, <see cref="Feedback"/> names the likely
/// misconception but never the answer.
/// </summary>
public sealed record AnswerResult(
    Guid QuestionId,
    bool Correct,
    decimal Fraction,
    int Attempt,
    int AttemptsLeft,
    bool QuestionEnded,
    PointsView Points,
    string? Feedback,
    string? CorrectAnswer,
    string? Explanation,
    int AnswerStreak,
    int SessionScore,
    string SessionState,
    IReadOnlyList<BadgeView> NewBadges,
    IReadOnlyList<AnswerPart>? Parts = null);

/// <summary>One pair (match) or position (order) of an arrangement, shown once the question has ended.</summary>
/// <param name="Item">Match: the item's id; order: the 1-based position.</param>
/// <param name="ItemText">Match: the item; null for order.</param>
/// <param name="Given">The target id (match) or item id (order) the student put there.</param>
/// <param name="Expected">What belongs there.</param>
public sealed record AnswerPart(string Item, string? ItemText, string Given, string GivenText, string Expected, string ExpectedText, bool Right);

public sealed record BadgeView(string Id, string Name, string Description);

/// <summary>
/// Scores one attempt. Idempotent by the <c>Idempotency-Key</c> header: the outcome is stored with
/// the attempt in the same save, so a retried request gets the same answer and is never scored
/// twice; the same key with a different body is a 409. The attempt, the learning-event log entry
/// and the <see cref="QuestionAnswered"/> outbox event commit together.
/// </summary>
internal sealed class SubmitAnswer(
    PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people, LeaderboardPosting boards, PointsVoiding voiding, MathEngine engine, TimeProvider clock)
{
    public const int MaxAnswerLength = 500;
    public const string IdempotencyHeader = IdempotentRequests.Header;

    public async Task<AnswerResult> HandleAsync(Guid sessionId, string? idempotencyKey, SubmitAnswerRequest request, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        IdempotentRequests.EnsureKey(idempotencyKey, "answer");

        var answer = AnswerText(request.Answer);
        var explanation = request.Explanation?.Trim();
        if (explanation is { Length: > MaxAnswerLength })
        {
            throw ValidationFailedException.For("explanation", $"An explanation has at most {MaxAnswerLength} characters.");
        }

        var requestHash = Hash(sessionId, request.QuestionId, answer, explanation);
        if (await IdempotentRequests.ReplayAsync<AnswerResult>(db, studentId, idempotencyKey!, requestHash, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var session = await SessionAccess.OwnSessionAsync(db, currentUser, sessionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await SessionAccess.EnsurePlayableAsync(db, session, now, cancellationToken);

        // A question of another game (or an invented id) is not found; one not yet served cannot be answered.
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == request.QuestionId && q.GameId == session.GameId, cancellationToken)
            ?? throw new NotFoundException("question");
        if (question.HiddenAt is not null)
        {
            throw new ConflictException("question_hidden", "Your teacher took this question out of the game; go on to the next one.");
        }

        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.SessionId == session.Id && d.QuestionId == question.Id, cancellationToken)
            ?? throw new ConflictException("question_not_served", "Fetch this question (GET …/next) before answering it.");
        if (delivery.EndedAt is not null)
        {
            throw new ConflictException("question_ended", "This question has already ended.");
        }

        var (fraction, feedback, parts, stored) = Grade(question, request.Answer!.Value, answer, explanation);
        var attemptNumber = delivery.Attempts + 1;
        var timeTaken = now - delivery.FirstDeliveredAt;
        var timeLimit = GetNextQuestion.TimeLimitOf(question, session);
        var points = Scoring.Score(new ScoreInput(fraction, attemptNumber, timeTaken, timeLimit, delivery.HintsUsed, session.AnswerStreak));
        var fullyRight = Scoring.IsFullyCorrect(fraction);
        var ended = fullyRight || attemptNumber >= GetNextQuestion.AttemptsAllowed(question) || TeachTheAiGrading.EndsWith(question, fraction);
        IReadOnlyList<BadgeView> newBadges = [];

        delivery.Attempts = attemptNumber;
        session.Score += points.Total;
        session.AnswerStreak = points.StreakAfter;
        session.LastActivityAt = now;
        if (ended)
        {
            delivery.EndedAt = now;
            delivery.AnsweredRight = fullyRight;
            delivery.Points = points.Total;
            session.QuestionsRight += fullyRight ? 1 : 0;
            if (question.PointsVoidedAt is not null)
            {
                voiding.VoidAnswer(session, question.Id, points.Total, now); // reported: off the score until a teacher resolves it
            }

            newBadges = await CompleteWhenLastAsync(session, question.Id, now, cancellationToken);
        }

        var attempt = new AnswerAttempt
        {
            Id = Guid.CreateVersion7(), SessionId = session.Id, QuestionId = question.Id, Number = attemptNumber, Answer = stored,
            FractionPermille = (int)(fraction * 1000), Points = points.Total, TimeTakenMs = Milliseconds(timeTaken),
            TimeLimitMs = Milliseconds(timeLimit), HintsUsed = delivery.HintsUsed, AnsweredAt = now,
        };
        db.Attempts.Add(attempt);
        db.LearningEvents.Add(new LearningEvent
        {
            Id = attempt.Id, StudentId = studentId, Kind = LearningEventKind.AnswerAttempted, SessionId = session.Id, QuestionId = question.Id,
            SkillId = question.SkillId, Correct = fullyRight, Attempt = attemptNumber, HintsUsed = delivery.HintsUsed,
            TimeTakenMs = attempt.TimeTakenMs, TimeLimitMs = attempt.TimeLimitMs, Points = points.Total, OccurredAt = now,
        });
        db.PublishEvent(
            new QuestionAnswered(attempt.Id, studentId, question.SkillId, question.Id, session.Id, fullyRight, attemptNumber, delivery.HintsUsed,
                TimeSpan.FromMilliseconds(attempt.TimeTakenMs), timeLimit, now),
            clock);

        var result = new AnswerResult(
            question.Id, fullyRight, System.Math.Round(fraction, 4), attemptNumber, ended ? 0 : GetNextQuestion.AttemptsAllowed(question) - attemptNumber, ended,
            new PointsView(points.BasePoints, System.Math.Round(points.TimeBonus, 2), System.Math.Round(points.Accuracy, 4), System.Math.Round(points.Fraction, 4),
                points.StreakBonus, points.HintMultiplier, points.Total),
            fullyRight ? null : feedback,
            ended ? question.AnswerText : null,
            ended ? question.Explanation : null,
            session.AnswerStreak, session.Score, StartSession.StateName(session.State), newBadges,
            ended ? PartsView(question, parts) : null);
        return await IdempotentRequests.SaveAsync(db, studentId, idempotencyKey!, requestHash, result, now,
            () => new ConflictException("concurrent_answer", "Another answer to this question was being scored; fetch the question and try again."),
            cancellationToken);
    }

    /// <summary>
    /// The outcome already stored under one of the caller's idempotency keys, or null. The play page
    /// redirects to it after an answer (POST/redirect/GET), so reloading shows the same outcome and
    /// never scores again.
    /// </summary>
    public async Task<AnswerResult?> RecallAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var stored = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.StudentId == studentId && r.Key == idempotencyKey).Select(r => r.ResponseJson).FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize<AnswerResult>(stored, PracticeJson.Options);
    }

    /// <summary>Completes the session when this was its last question: daily streak, lifetime points, badges (each once, through the outbox).</summary>
    private async Task<IReadOnlyList<BadgeView>> CompleteWhenLastAsync(GameSession session, Guid questionId, DateTime now, CancellationToken cancellationToken)
    {
        // Questions a teacher hid are skipped: the session is complete when every other one has ended.
        var endedBefore = await db.Deliveries.CountAsync(d => d.SessionId == session.Id && d.EndedAt != null, cancellationToken);
        var endedIds = db.Deliveries.Where(d => d.SessionId == session.Id && d.EndedAt != null).Select(d => d.QuestionId);
        var remaining = await db.Questions.CountAsync(
            q => q.GameId == session.GameId && q.HiddenAt == null && q.Id != questionId && !endedIds.Contains(q.Id), cancellationToken);
        if (remaining > 0)
        {
            return [];
        }

        var questionCount = endedBefore + 1;

        session.State = SessionState.Completed;
        session.EndedAt = now;
        db.LearningEvents.Add(new LearningEvent
        {
            Id = Guid.CreateVersion7(), StudentId = session.StudentId, Kind = LearningEventKind.SessionCompleted, SessionId = session.Id,
            Correct = session.QuestionsRight == questionCount, Points = session.Score, OccurredAt = now,
        });

        var record = await db.Players.FirstOrDefaultAsync(p => p.StudentId == session.StudentId, cancellationToken);
        if (record is null)
        {
            record = new PlayerRecord { StudentId = session.StudentId };
            db.Players.Add(record);
        }

        var (today, dayStart, nextDay) = StartSession.StudentDay(await people.FindStudentAsync(session.StudentId, cancellationToken), now);
        record.RecordPlayedOn(today);
        record.TotalPoints += session.Score;
        record.GamesCompleted++;

        // Replaying a game counts towards the boards once per (student's) day: only its first completed session today posts.
        var replayedToday = await db.Sessions.AnyAsync(
            s => s.StudentId == session.StudentId && s.GameId == session.GameId && s.Id != session.Id && s.State == SessionState.Completed
                && s.EndedAt >= dayStart && s.EndedAt < nextDay,
            cancellationToken);
        if (!replayedToday)
        {
            await boards.PostAsync(session.StudentId, ScoreKind.Game, session.Score, now, cancellationToken);
            session.BoardsPostedAt = now; // where voided points of this session go and come back (PointsVoiding)
        }

        var owned = await db.BadgeAwards.Where(b => b.StudentId == session.StudentId).Select(b => b.BadgeId).ToListAsync(cancellationToken);
        var completed = new CompletedGame(questionCount, session.QuestionsRight, record);
        var earned = Badges.Catalogue.Where(b => !owned.Contains(b.Id) && b.IsEarned(completed)).ToList();
        foreach (var badge in earned)
        {
            db.BadgeAwards.Add(new BadgeAward { StudentId = session.StudentId, BadgeId = badge.Id, AwardedAt = now });
            db.PublishEvent(new BadgeAwarded(Guid.CreateVersion7(), session.StudentId, badge.Id, badge.Name, now), clock);
        }

        return [.. earned.Select(b => new BadgeView(b.Id, b.Name, b.Description))];
    }

    /// <summary>
    /// The answer as sent: a text answer trimmed, an arrangement (match/order) as its JSON; 400 when
    /// it is missing, empty or too long. This text is what the idempotency hash covers.
    /// </summary>
    private static string AnswerText(JsonElement? answer)
    {
        switch (answer)
        {
            case { ValueKind: JsonValueKind.String } text:
                var trimmed = text.GetString()!.Trim();
                return trimmed.Length is 0 or > MaxAnswerLength
                    ? throw ValidationFailedException.For("answer", $"An answer has 1 to {MaxAnswerLength} characters.")
                    : trimmed;
            case { ValueKind: JsonValueKind.Object or JsonValueKind.Array } arrangement:
                var json = arrangement.GetRawText();
                return json.Length > MaxAnswerLength
                    ? throw ValidationFailedException.For("answer", $"An arrangement is at most {MaxAnswerLength} characters of JSON.")
                    : json;
            default:
                throw ValidationFailedException.For("answer", "Send the answer: an option id or text, a pairing object for match, a list of ids for order.");
        }
    }

    /// <summary>
    /// The right fraction of an answer, what the student probably did when wrong, the pairs or
    /// positions of an arrangement, and the answer as stored with the attempt.
    /// </summary>
    private (decimal Fraction, string? Feedback, IReadOnlyList<ArrangedPart>? Parts, string Stored) Grade(
        GameQuestion question, JsonElement sent, string answer, string? explanation)
    {
        var arrangement = question.Type is QuestionType.Match or QuestionType.Order;
        if (arrangement == (sent.ValueKind == JsonValueKind.String))
        {
            throw ValidationFailedException.For("answer", arrangement
                ? (question.Type == QuestionType.Match ? "Answer a match question with a pairing: {\"a\": \"1\", \"b\": \"2\"}." : "Answer an order question with the item ids first to last: [\"c\", \"a\", \"b\"].")
                : "Answer this question with a string: an option id or your answer.");
        }

        if (arrangement)
        {
            var options = PracticeJson.OptionsOf(question);
            var items = options.Where(o => !o.IsTarget).Select(o => o.Id).ToList();
            IReadOnlyList<ArrangedPart> parts;
            string stored;
            if (question.Type == QuestionType.Match)
            {
                var pairs = Arrangement.ReadPairs(sent, items, [.. options.Where(o => o.IsTarget).Select(o => o.Id)]);
                parts = Arrangement.GradePairs(pairs, Arrangement.PairsKey(question.AnswerKey));
                stored = Arrangement.Canonical(pairs);
            }
            else
            {
                var sequence = Arrangement.ReadSequence(sent, items);
                parts = Arrangement.GradeSequence(sequence, Arrangement.SequenceKey(question.AnswerKey));
                stored = Arrangement.Canonical(sequence);
            }

            var right = parts.Count(p => p.Right);
            var noun = question.Type == QuestionType.Match ? "pairs" : "positions";
            return (Arrangement.FractionRight(parts), right == parts.Count ? null : $"{right} of {parts.Count} {noun} right.", parts, stored);
        }

        var (fraction, feedback) = GradeText(question, answer, explanation);
        return (fraction, feedback, null, answer);
    }

    /// <summary>The parts of an arrangement with the texts a student reads.</summary>
    private static IReadOnlyList<AnswerPart>? PartsView(GameQuestion question, IReadOnlyList<ArrangedPart>? parts)
    {
        if (parts is null)
        {
            return null;
        }

        var texts = PracticeJson.OptionsOf(question).ToDictionary(o => (o.IsTarget, o.Id), o => o.Text);
        var match = question.Type == QuestionType.Match;
        return [.. parts.Select(p => new AnswerPart(
            p.Item, match ? texts[(false, p.Item)] : null, p.Given, texts[(match, p.Given)], p.Expected, texts[(match, p.Expected)], p.Right))];
    }

    /// <summary>The right fraction of a text answer (1 or 0) and, when wrong, what the student probably did.</summary>
    private (decimal Fraction, string? Feedback) GradeText(GameQuestion question, string answer, string? explanation)
    {
        switch (question.Type)
        {
            case QuestionType.TeachTheAi:
                return TeachTheAiGrading.Grade(question, answer, explanation);
            case QuestionType.MultipleChoice:
            case QuestionType.IdentifyTheError:
                if (!PracticeJson.OptionsOf(question).Any(o => o.Id == answer))
                {
                    throw ValidationFailedException.For("answer", "Answer with the id of one of the options.");
                }

                if (answer == question.AnswerKey)
                {
                    return (1m, null);
                }

                return (0m, question.Type == QuestionType.IdentifyTheError
                    ? "That step follows correctly from the one before it; look again."
                    : PracticeJson.MisconceptionsOf(question).GetValueOrDefault(answer) ?? "Not quite; check your working.");
            case QuestionType.FreeAnswer:
                CheckResult check;
                try
                {
                    check = engine.Check(question.Problem ?? question.Prompt, answer);
                }
                catch (MathEngineException)
                {
                    return (0m, "That answer could not be read as math.");
                }

                // The checker's message describes the kind of error ("only one of two solutions"), never the expected value.
                return check.CountsAsCorrect ? (1m, null) : (0m, check.Message ?? "Not quite; check your working.");
            default:
                throw new InvalidOperationException("No grader for " + question.Type.ToString());
        }
    }

    private static int Milliseconds(TimeSpan span) => (int)System.Math.Clamp(span.TotalMilliseconds, 0, int.MaxValue);

    private static string Hash(Guid sessionId, Guid questionId, string answer, string? explanation) =>
        explanation is null
            ? IdempotentRequests.Hash(sessionId.ToString("N"), questionId.ToString("N"), answer)
            : IdempotentRequests.Hash(sessionId.ToString("N"), questionId.ToString("N"), answer, explanation);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/game-sessions/{id:guid}/answers", async Task<Ok<AnswerResult>> (
                Guid id,
                [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
                SubmitAnswerRequest request,
                SubmitAnswer handler,
                CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, idempotencyKey, request, ct)))
            .RequireAuthorization()
            .WithName("SubmitAnswer")
            .WithSummary("Scores one attempt at the current question; send a unique Idempotency-Key per attempt.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
