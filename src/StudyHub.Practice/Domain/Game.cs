namespace StudyHub.Practice.Domain;

/// <summary>A challenge packet: generated questions, stored with their answers (never sent before answering).</summary>
internal sealed class Game
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; init; }

    /// <summary>Who generated it (a student for their own practice, or a teacher for their classes).</summary>
    public Guid OwnerId { get; init; }

    public string Title { get; init; } = "";

    public string? SkillId { get; init; }

    public Guid? HomeworkId { get; init; }

    public DateTime CreatedAt { get; init; }

    public List<GameQuestion> Questions { get; init; } = [];
}

/// <summary>One question of a game. Options, misconceptions and hints are small JSON documents.</summary>
internal sealed class GameQuestion
{
    public const int MaxPromptLength = 2000;
    public const int MaxAnswerKeyLength = 500;

    public Guid Id { get; init; }

    public Guid GameId { get; init; }

    public int Position { get; init; }

    public QuestionType Type { get; init; }

    public string SkillId { get; init; } = "";

    public string Prompt { get; set; } = "";

    /// <summary>The math problem behind the question (for checking free answers), null for text questions.</summary>
    public string? Problem { get; init; }

    /// <summary>JSON array of <see cref="QuestionOption"/>; empty for free answers.</summary>
    public string OptionsJson { get; set; } = "[]";

    /// <summary>The right option id, wrong step number, or exact answer; for match the pairing as JSON (<c>{"a":"2"}</c>), for order the item ids first to last (<c>["c","a","b"]</c>).</summary>
    public string AnswerKey { get; set; } = "";

    /// <summary>The right answer as a student reads it (shown once the question has ended).</summary>
    public string AnswerText { get; set; } = "";

    public string Explanation { get; init; } = "";

    /// <summary>JSON object: option id → what a student who picks it probably did.</summary>
    public string MisconceptionsJson { get; set; } = "{}";

    /// <summary>JSON array of the hint ladder's levels 1–3.</summary>
    public string HintsJson { get; init; } = "[]";

    /// <summary>The game's override of the type's default limit.</summary>
    public int? TimeLimitSeconds { get; init; }

    /// <summary>The math engine's misconception behind a teach-the-AI question's wrong step (its rubric's key), else null.</summary>
    public string? Misconception { get; init; }

    /// <summary>When a reviewing teacher hid it: never served again, skipped by sessions in progress.</summary>
    public DateTime? HiddenAt { get; set; }

    /// <summary>Set while a report is open: every point earned on it is voided (<see cref="VoidedPoints"/>) until a teacher resolves it.</summary>
    public DateTime? PointsVoidedAt { get; set; }

    public DateTime? EditedAt { get; set; }
}

/// <param name="IsTarget">
/// A right-hand entry of a match question (what the items pair with). Stored with the items in
/// <see cref="GameQuestion.OptionsJson"/>, so match needed no new column; omitted from the JSON when false.
/// </param>
internal sealed record QuestionOption(
    string Id,
    string Text,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool IsTarget = false);
