using System.Xml;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Skills;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Xapi;

/// <summary>
/// Turns rows of the learning-event log into xAPI 1.0.3 statements. Verbs come from the ADL
/// vocabulary (http://adlnet.gov/expapi/verbs/, and cmi5's <c>abandoned</c>) and, where it has
/// none, from the xAPI registry ADL points to (<c>earned</c> for a badge, Activity Streams'
/// <c>attach</c> for an upload); activity ids are IRIs under the public address so they resolve
/// to this StudyHub and stay stable.
/// </summary>
internal sealed class StatementMapping(Uri publicUrl, ISkillCatalog? catalog)
{
    public const string Version = "1.0.3";

    public static readonly XapiVerb Attempted = Verb("http://adlnet.gov/expapi/verbs/attempted", "attempted");
    public static readonly XapiVerb Experienced = Verb("http://adlnet.gov/expapi/verbs/experienced", "experienced");
    public static readonly XapiVerb Interacted = Verb("http://adlnet.gov/expapi/verbs/interacted", "interacted");
    public static readonly XapiVerb Answered = Verb("http://adlnet.gov/expapi/verbs/answered", "answered");
    public static readonly XapiVerb Completed = Verb("http://adlnet.gov/expapi/verbs/completed", "completed");
    public static readonly XapiVerb Abandoned = Verb("https://w3id.org/xapi/adl/verbs/abandoned", "abandoned");
    public static readonly XapiVerb Responded = Verb("http://adlnet.gov/expapi/verbs/responded", "responded");
    public static readonly XapiVerb Earned = Verb("http://id.tincanapi.com/verb/earned", "earned");
    public static readonly XapiVerb Attached = Verb("http://activitystrea.ms/schema/1.0/attach", "attached");

    private const string QuestionType = "http://adlnet.gov/expapi/activities/cmi.interaction";
    private const string AssessmentType = "http://adlnet.gov/expapi/activities/assessment";
    private const string ObjectiveType = "http://adlnet.gov/expapi/activities/objective";
    private const string InteractionType = "http://adlnet.gov/expapi/activities/interaction";
    private const string BadgeType = "http://activitystrea.ms/schema/1.0/badge";
    private const string FileType = "http://activitystrea.ms/schema/1.0/file";

    private readonly string _base = publicUrl.AbsoluteUri.TrimEnd('/');

    public string AttemptExtension => _base + "/xapi/extensions/attempt";

    public string HintsExtension => _base + "/xapi/extensions/hints-used";

    public XapiStatement From(LearningRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var skill = record.SkillId is { Length: > 0 } id ? Skill(id) : null;
        var session = record.SessionId is { } sessionId ? Activity($"sessions/{sessionId}", AssessmentType) : null;
        var question = record.QuestionId is { } questionId ? Activity($"questions/{questionId}", QuestionType) : null;
        var (verb, target, result, extensions) = Describe(record, session, question);

        // A row without its object (a session row without a session) would make an invalid statement; the log never writes one.
        target ??= skill ?? throw new InvalidOperationException($"Learning record {record.Id} ({record.Kind}) names no activity.");
        var parent = target == session || session is null ? null : new[] { session };
        var grouping = skill is null || target == skill ? null : new[] { skill };
        var context = parent is null && grouping is null && extensions is null && record.SessionId is null
            ? null
            : new XapiContext(record.SessionId, parent is null && grouping is null ? null : new XapiContextActivities(parent, grouping), extensions);
        return new XapiStatement(
            record.Id,
            Actor(record.StudentId),
            verb,
            target,
            result,
            context,
            DateTime.SpecifyKind(record.OccurredAt, DateTimeKind.Utc),
            Version);
    }

    /// <summary>A badge earned or homework uploaded: Progress's own rows of the log.</summary>
    public XapiStatement From(ActivityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (verb, target) = entry.Kind switch
        {
            ActivityKind.BadgeEarned => (Earned, new XapiActivity("Activity", $"{_base}/xapi/activities/badges/{Uri.EscapeDataString(entry.ObjectId)}",
                new XapiActivityDefinition(BadgeType, entry.Name is null ? null : new Dictionary<string, string> { ["en-US"] = entry.Name }))),
            ActivityKind.HomeworkUploaded => (Attached, Activity($"homework/{Uri.EscapeDataString(entry.ObjectId)}", FileType)),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Kind, "Unknown activity kind."),
        };

        // Neither has a result or a context: a badge is not scored, an upload not graded.
        return new XapiStatement(
            entry.Id,
            Actor(entry.StudentId),
            verb,
            target,
            null,
            null,
            DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc),
            Version);
    }

    private (XapiVerb Verb, XapiActivity? Target, XapiResult? Result, Dictionary<string, int>? Extensions) Describe(
        LearningRecord record, XapiActivity? session, XapiActivity? question) =>
        record.Kind switch
        {
            LearningRecordKind.SessionStarted => (Attempted, session, null, null),
            LearningRecordKind.QuestionDelivered => (Experienced, question, null, null),
            LearningRecordKind.HintUsed => (Interacted, question, null, Extensions(record.Attempt, record.HintsUsed)),
            LearningRecordKind.AnswerAttempted => (Answered, question,
                new XapiResult(record.Correct ?? false, null, new XapiScore(record.Correct == true ? 1 : 0, record.Points, 0, null), Duration(record.TimeTakenMs)),
                Extensions(record.Attempt, record.HintsUsed)),
            LearningRecordKind.SessionCompleted => (Completed, session, new XapiResult(record.Correct, true, new XapiScore(null, record.Points, 0, null), null), null),
            LearningRecordKind.SessionAbandoned => (Abandoned, session, new XapiResult(null, false, new XapiScore(null, record.Points, 0, null), null), null),
            LearningRecordKind.FlashcardReviewed => (Responded, record.QuestionId is { } cardId ? Activity($"flashcards/{cardId}", InteractionType) : null,
                new XapiResult(record.Correct, null, null, null), null),
            _ => throw new ArgumentOutOfRangeException(nameof(record), record.Kind, "Unknown learning record kind."),
        };

    /// <summary>ISO 8601, to the hundredth of a second xAPI keeps (PT12.5S, PT1M15S).</summary>
    internal static string? Duration(int? milliseconds) =>
        milliseconds is { } ms and >= 0 ? XmlConvert.ToString(TimeSpan.FromMilliseconds(Math.Round(ms / 10.0) * 10)) : null;

    private XapiActivity Skill(string skillId)
    {
        var name = catalog?.Find(skillId)?.Name;
        return new XapiActivity("Activity", $"{_base}/xapi/activities/skills/{Uri.EscapeDataString(skillId)}",
            new XapiActivityDefinition(ObjectiveType, name is null ? null : new Dictionary<string, string> { ["en-US"] = name }));
    }

    private XapiAgent Actor(Guid studentId) => new("Agent", new XapiAccount(_base, studentId.ToString()));

    private XapiActivity Activity(string path, string type) => new("Activity", $"{_base}/xapi/activities/{path}", new XapiActivityDefinition(type));

    private Dictionary<string, int> Extensions(int attempt, int hints) => new() { [AttemptExtension] = attempt, [HintsExtension] = hints };

    private static XapiVerb Verb(string id, string display) => new(id, new Dictionary<string, string> { ["en-US"] = display });
}
