namespace StudyHub.Content.Domain;

public enum HomeworkStatus
{
    Queued,
    Reading,
    FindingProblems,
    Ready,
    Failed,
}

/// <summary>One upload: a document, up to ten photos (its pages) or pasted text, and what was read from it.</summary>
internal sealed class Homework
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 500;

    private Homework()
    {
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Title { get; set; } = "";

    public HomeworkStatus Status { get; private set; }

    /// <summary>Why reading failed, in words a student understands; null unless failed.</summary>
    public string? FailureReason { get; private set; }

    public string? FailureCode { get; private set; }

    /// <summary>0–100.</summary>
    public int Progress { get; private set; }

    /// <summary>"reading page 2 of 5".</summary>
    public string ProgressMessage { get; private set; } = "";

    /// <summary>The subject most of its problems belong to, once read.</summary>
    public string? Subject { get; set; }

    /// <summary>The bytes of its stored files, counted against the owner's storage quota.</summary>
    public long StoredBytes { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public List<HomeworkFile> Files { get; } = [];

    public List<HomeworkPage> Pages { get; } = [];

    public List<HomeworkProblem> Problems { get; } = [];

    public static Homework Create(Guid ownerId, string title, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = ownerId,
        Title = title,
        Status = HomeworkStatus.Queued,
        ProgressMessage = "queued",
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void AddFile(HomeworkFile file)
    {
        Files.Add(file);
        StoredBytes += file.SizeBytes;
    }

    public void MoveTo(HomeworkStatus status, int progress, string message, DateTime now)
    {
        Status = status;
        Progress = System.Math.Clamp(progress, 0, 100);
        ProgressMessage = message.Length > 200 ? message[..200] : message;
        UpdatedAt = now;
    }

    public void Fail(string code, string reason, DateTime now)
    {
        FailureCode = code.Length > 64 ? code[..64] : code;
        FailureReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        MoveTo(HomeworkStatus.Failed, 100, "failed", now);
    }

    public void Touch(DateTime now) => UpdatedAt = now;
}

/// <summary>An uploaded original, kept in file storage under <see cref="StorageKey"/>.</summary>
internal sealed class HomeworkFile
{
    public const int MaxNameLength = 255;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid HomeworkId { get; init; }

    /// <summary>Upload order: pages are numbered across files in this order.</summary>
    public int Position { get; init; }

    public string StorageKey { get; init; } = "";

    /// <summary>The name as uploaded, cleaned of any path.</summary>
    public string FileName { get; init; } = "";

    public string Format { get; init; } = "";

    public long SizeBytes { get; init; }
}

internal sealed class HomeworkPage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid HomeworkId { get; init; }

    public int Number { get; init; }

    public string Text { get; init; } = "";

    public double? OcrConfidence { get; init; }

    public string Method { get; init; } = "";
}

internal sealed class HomeworkProblem
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid HomeworkId { get; init; }

    /// <summary>Reading order within the homework.</summary>
    public int Position { get; init; }

    public int Page { get; init; }

    public string Label { get; init; } = "";

    public string Text { get; set; } = "";

    public string? Instruction { get; init; }

    public double Confidence { get; set; }

    public string Subject { get; set; } = "";

    public string? SkillId { get; set; }

    /// <summary>The math engine's exact answer; null with <see cref="NoAnswerKeyReason"/> when there is none.</summary>
    public string? AnswerExact { get; set; }

    public string? AnswerDecimal { get; set; }

    public string? NoAnswerKeyReason { get; set; }

    /// <summary>True once the student corrected the text by hand.</summary>
    public bool CorrectedByStudent { get; set; }
}
