using Microsoft.EntityFrameworkCore;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <summary>What of a question decides how an answer to it is scored: reported (points voided), hidden, edited.</summary>
internal readonly record struct QuestionMarks(DateTime? PointsVoidedAt, DateTime? HiddenAt, DateTime? EditedAt);

/// <summary>
/// Orders answers and reports of one question (docs/practice.md, "Reports void points"). A report
/// (or a resolution) locks the question for update before it reads whose answers to void; an
/// answer reads the question's marks in its write transaction with a shared lock. On PostgreSQL the
/// row locks make a report wait for an answer being written and an answer wait for a report being
/// written, so each sees the other; on SQLite both run in write transactions, which take turns.
/// </summary>
internal static class QuestionLocks
{
    private const string Marks = """SELECT * FROM practice_questions WHERE "Id" = {0}""";

    /// <summary>The marks as committed now (null for a question that is gone); call inside the answer's write transaction.</summary>
    public static async Task<QuestionMarks?> MarksAsync(PracticeDbContext db, Guid questionId, CancellationToken cancellationToken)
    {
        var rows = await db.Questions.FromSqlRaw(db.Database.IsNpgsql() ? Marks + " FOR SHARE" : Marks, questionId).AsNoTracking().ToListAsync(cancellationToken);
        return rows is [var question] ? new QuestionMarks(question.PointsVoidedAt, question.HiddenAt, question.EditedAt) : null;
    }

    /// <summary>The question, tracked and locked for update; call inside the report's (or resolution's) transaction.</summary>
    public static async Task<GameQuestion?> LockAsync(PracticeDbContext db, Guid questionId, CancellationToken cancellationToken)
    {
        var rows = await db.Questions.FromSqlRaw(db.Database.IsNpgsql() ? Marks + " FOR UPDATE" : Marks, questionId).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}
