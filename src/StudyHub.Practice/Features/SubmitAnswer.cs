using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Math;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Generation;

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
/// the attempt in the same commit, so a retried request gets the same answer and is never scored
/// twice; the same key with a different body is a 409. The attempt, the learning-event log entry
/// and the <see cref="QuestionAnswered"/> outbox event commit together.
/// </summary>
/// <remarks>
/// Throughput (issue 9, ADR 0006): everything the answer needs is read in one compiled query, the
/// grading happens outside any transaction, and the write goes to the group commit, which commits
/// many students' answers in one SQLite transaction. The write checks that the question, the
/// delivery and the session are still as they were read (conditional updates); when another
/// request changed them in between (a report, a hint, a twin of this request) it is read and
/// graded again, at most <see cref="Rounds"/> times.
/// </remarks>
internal sealed class SubmitAnswer(
    PracticeDbContext db, ICurrentUser currentUser, IGroupCommit<PracticeDbContext> commits, MathEngine engine, TimeProvider clock)
{
    public const int MaxAnswerLength = 500;
    public const string IdempotencyHeader = IdempotentRequests.Header;
    private const int Rounds = 3;

    // Session, question, delivery and an earlier outcome under the same key: one round trip.
    private static readonly Func<PracticeDbContext, Guid, Guid, Guid, string, Task<AnswerContext?>> ReadContextAsync = EF.CompileAsyncQuery(
        (PracticeDbContext db, Guid sessionId, Guid studentId, Guid questionId, string key) =>
            (from s in db.Sessions.AsNoTracking()
             where s.Id == sessionId && s.StudentId == studentId
             from q in db.Questions.AsNoTracking().Where(q => q.Id == questionId && q.GameId == s.GameId).DefaultIfEmpty()
             from d in db.Deliveries.AsNoTracking().Where(d => d.SessionId == sessionId && d.QuestionId == questionId).DefaultIfEmpty()
             from r in db.IdempotencyRecords.AsNoTracking().Where(r => r.StudentId == studentId && r.Key == key).DefaultIfEmpty()
             select new AnswerContext(s, q, d, r == null ? null : r.RequestHash, r == null ? null : r.ResponseJson))
            .FirstOrDefault());

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
        for (var round = 1; ; round++)
        {
            var context = await ReadContextAsync(db, sessionId, studentId, request.QuestionId, idempotencyKey!);
            if (context is null)
            {
                // Not the caller's session: a key already used elsewhere is still a replay (or a 409) first.
                return await IdempotentRequests.ReplayAsync<AnswerResult>(db, studentId, idempotencyKey!, requestHash, cancellationToken)
                    ?? throw new NotFoundException("game session");
            }

            if (context.ReplayHash is not null)
            {
                return context.ReplayHash == requestHash
                    ? JsonSerializer.Deserialize<AnswerResult>(context.ReplayJson!, PracticeJson.Options)!
                    : throw new ConflictException("idempotency_key_reused", $"This {IdempotentRequests.Header} was already used for a different request.");
            }

            var write = await PlanAsync(context, studentId, idempotencyKey!, requestHash, request, answer, explanation, cancellationToken);
            try
            {
                return await commits.CommitAsync(write.SaveAsync, cancellationToken);
            }
            catch (Exception raced) when ((raced is AnswerWrite.RacedException or DbUpdateException) && round < Rounds)
            {
                // Something changed since the read (or this request's twin committed first): read again.
            }
            catch (Exception raced) when (raced is AnswerWrite.RacedException or DbUpdateException)
            {
                throw new ConflictException("concurrent_answer", "Another answer to this question was being scored; fetch the question and try again.");
            }
        }
    }

    /// <summary>Checks and grades the attempt against what was read; the write to commit.</summary>
    private async Task<AnswerWrite> PlanAsync(
        AnswerContext context, Guid studentId, string key, string requestHash, SubmitAnswerRequest request, string answer, string? explanation, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var now = clock.GetUtcNow().UtcDateTime;
        if (session.IsOver || now - session.LastActivityAt > GameSession.IdleTimeout)
        {
            db.Sessions.Attach(session);
            await SessionAccess.EnsurePlayableAsync(db, session, now, cancellationToken); // throws the 409 (saving an abandonment found now)
        }

        // A question of another game (or an invented id) is not found; one not yet served cannot be answered.
        var question = context.Question ?? throw new NotFoundException("question");
        if (question.HiddenAt is not null)
        {
            throw new ConflictException("question_hidden", "Your teacher took this question out of the game; go on to the next one.");
        }

        var delivery = context.Delivery ?? throw new ConflictException("question_not_served", "Fetch this question (GET …/next) before answering it.");
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
        var attemptsAllowed = GetNextQuestion.AttemptsAllowed(question);
        var ended = fullyRight || attemptNumber >= attemptsAllowed || TeachTheAiGrading.EndsWith(question, fraction);
        var attemptId = Guid.CreateVersion7();
        var outcome = new AnswerResult(
            question.Id, fullyRight, System.Math.Round(fraction, 4), attemptNumber, ended ? 0 : attemptsAllowed - attemptNumber, ended,
            new PointsView(points.BasePoints, System.Math.Round(points.TimeBonus, 2), System.Math.Round(points.Accuracy, 4), System.Math.Round(points.Fraction, 4),
                points.StreakBonus, points.HintMultiplier, points.Total),
            fullyRight ? null : feedback,
            ended ? question.AnswerText : null,
            ended ? question.Explanation : null,
            points.StreakAfter, session.Score, StartSession.StateName(session.State), [],
            ended ? PartsView(question, parts) : null);
        var attempt = new AnswerAttempt
        {
            Id = attemptId, SessionId = session.Id, QuestionId = question.Id, Number = attemptNumber, Answer = stored,
            FractionPermille = (int)(fraction * 1000), Points = points.Total, TimeTakenMs = Milliseconds(timeTaken),
            TimeLimitMs = Milliseconds(timeLimit), HintsUsed = delivery.HintsUsed, AnsweredAt = now,
        };
        var answered = Job.Create(
            IntegrationEvents.KindOf<QuestionAnswered>(),
            JsonSerializer.Serialize(
                new QuestionAnswered(attemptId, studentId, question.SkillId, question.Id, session.Id, fullyRight, attemptNumber, delivery.HintsUsed,
                    TimeSpan.FromMilliseconds(attempt.TimeTakenMs), timeLimit, now),
                JobQueue.PayloadJson),
            now);
        return new AnswerWrite(
            studentId, key, requestHash, session, new QuestionMarks(question.PointsVoidedAt, question.HiddenAt, question.EditedAt), delivery, attempt,
            question.SkillId, fullyRight, ended, points.StreakAfter, outcome, answered);
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

    /// <summary>What an answer reads, in one query; <see cref="Question"/> and <see cref="Delivery"/> are null when missing.</summary>
    private sealed record AnswerContext(GameSession Session, GameQuestion? Question, QuestionDelivery? Delivery, string? ReplayHash, string? ReplayJson);

    /// <summary>
    /// An answer's write, run by the group commit on its own context: it holds values only, never
    /// the request's context or entities, so it can run after the request has gone and run again.
    /// </summary>
    private sealed record AnswerWrite(
        Guid StudentId, string Key, string RequestHash, GameSession SessionRead, QuestionMarks QuestionRead, QuestionDelivery DeliveryRead,
        AnswerAttempt Attempt, string SkillId, bool FullyRight, bool Ended, int StreakAfter, AnswerResult Outcome, Job Answered)
    {
        public async Task<AnswerResult> SaveAsync(PracticeDbContext db, IServiceProvider services, CancellationToken cancellationToken)
        {
            var now = Attempt.AnsweredAt;

            // Reported, restored, hidden or edited since it was graded: grade again. On PostgreSQL this
            // read also locks the question against a report until this commits (QuestionLocks).
            if (await QuestionLocks.MarksAsync(db, Attempt.QuestionId, cancellationToken) != QuestionRead)
            {
                throw new RacedException();
            }

            var attempts = Attempt.Number;
            var ended = Ended;
            var points = Attempt.Points;
            var right = FullyRight;
            var delivered = await db.Deliveries
                .Where(d => d.SessionId == SessionRead.Id && d.QuestionId == Attempt.QuestionId && d.Attempts == DeliveryRead.Attempts
                    && d.HintsUsed == DeliveryRead.HintsUsed && d.EndedAt == null)
                .ExecuteUpdateAsync(
                    set =>
                    {
                        set.SetProperty(d => d.Attempts, attempts);
                        if (ended)
                        {
                            set.SetProperty(d => d.EndedAt, (DateTime?)now).SetProperty(d => d.AnsweredRight, right).SetProperty(d => d.Points, points);
                        }
                    },
                    cancellationToken);
            if (delivered == 0)
            {
                throw new RacedException(); // another attempt, a hint or an end came first
            }

            // While the question is reported its points are voided as soon as it ends (PointsVoiding).
            var voided = ended && QuestionRead.PointsVoidedAt is not null
                ? services.GetRequiredService<PointsVoiding>().VoidAnswer(SessionRead.Id, StudentId, Attempt.QuestionId, points, now)
                : 0;
            var score = SessionRead.Score + points - voided;
            var streak = StreakAfter;
            var rightNow = ended && right ? 1 : 0;
            var scored = await db.Sessions
                .Where(s => s.Id == SessionRead.Id && s.Score == SessionRead.Score && s.AnswerStreak == SessionRead.AnswerStreak && s.State == SessionRead.State)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(s => s.Score, score).SetProperty(s => s.AnswerStreak, streak).SetProperty(s => s.LastActivityAt, now)
                        .SetProperty(s => s.QuestionsRight, s => s.QuestionsRight + rightNow),
                    cancellationToken);
            if (scored == 0)
            {
                throw new RacedException(); // the session's score, streak or state moved
            }

            db.Attempts.Add(Attempt);
            db.LearningEvents.Add(new LearningEvent
            {
                Id = Attempt.Id, StudentId = StudentId, Kind = LearningEventKind.AnswerAttempted, SessionId = SessionRead.Id, QuestionId = Attempt.QuestionId,
                SkillId = SkillId, Correct = FullyRight, Attempt = Attempt.Number, HintsUsed = Attempt.HintsUsed,
                TimeTakenMs = Attempt.TimeTakenMs, TimeLimitMs = Attempt.TimeLimitMs, Points = Attempt.Points, OccurredAt = now,
            });
            db.Set<Job>().Add(Answered);

            var state = SessionRead.State;
            IReadOnlyList<BadgeView> badges = [];
            if (ended && await services.GetRequiredService<SessionCompletion>().CompleteWhenLastAsync(SessionRead.Id, Attempt.QuestionId, now, cancellationToken) is { } completed)
            {
                state = SessionState.Completed;
                badges = completed;
            }

            var result = Outcome with { SessionScore = score, SessionState = StartSession.StateName(state), NewBadges = badges };
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                StudentId = StudentId, Key = Key, RequestHash = RequestHash,
                ResponseJson = JsonSerializer.Serialize(result, PracticeJson.Options), CreatedAt = now,
            });
            return result;
        }

        /// <summary>What the answer was graded against changed before it could be written.</summary>
        public sealed class RacedException() : Exception("The answer's question, delivery or session changed while it was being scored.");
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
