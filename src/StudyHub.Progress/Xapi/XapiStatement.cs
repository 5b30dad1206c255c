using System.Text.Json.Serialization;

namespace StudyHub.Progress.Xapi;

// xAPI 1.0.3 (Part Two, §2.4): the properties StudyHub fills. A statement must not carry nulls,
// so every optional property is left out when it has no value.

/// <summary>The learner, identified by an account on this StudyHub (never by email): <c>name</c> is the student's id.</summary>
public sealed record XapiAgent(string ObjectType, XapiAccount Account);

public sealed record XapiAccount(string HomePage, string Name);

/// <summary>A verb of the ADL vocabulary with its English display.</summary>
public sealed record XapiVerb(string Id, IReadOnlyDictionary<string, string> Display);

public sealed record XapiActivityDefinition(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Name = null);

public sealed record XapiActivity(string ObjectType, string Id, XapiActivityDefinition Definition);

public sealed record XapiScore(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Scaled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Raw,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max);

/// <param name="Duration">ISO 8601, e.g. <c>PT12.5S</c>.</param>
public sealed record XapiResult(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Success,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Completion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XapiScore? Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Duration);

public sealed record XapiContextActivities(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<XapiActivity>? Parent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<XapiActivity>? Grouping);

/// <param name="Registration">The game session the statement belongs to.</param>
/// <param name="Extensions">Keyed by IRIs under the public address (attempt number, hints used).</param>
public sealed record XapiContext(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Registration,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XapiContextActivities? ContextActivities,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, int>? Extensions);

/// <param name="Id">The learning event's id: stable, so an LRS that receives it twice keeps one.</param>
public sealed record XapiStatement(
    Guid Id,
    XapiAgent Actor,
    XapiVerb Verb,
    [property: JsonPropertyName("object")] XapiActivity Object,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XapiResult? Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XapiContext? Context,
    DateTime Timestamp,
    string Version);

/// <summary>A page of statements; <c>more</c> is the relative URL of the next page, empty on the last.</summary>
public sealed record XapiStatementPage(IReadOnlyList<XapiStatement> Statements, string More);
