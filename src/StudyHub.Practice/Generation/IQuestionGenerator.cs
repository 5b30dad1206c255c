using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Generation;

/// <summary>A question ready to store: the answer and explanation stay on the server.</summary>
internal sealed record GeneratedQuestion(
    QuestionType Type,
    string SkillId,
    string Prompt,
    string? Problem,
    IReadOnlyList<QuestionOption> Options,
    string AnswerKey,
    string AnswerText,
    string Explanation,
    IReadOnlyDictionary<string, string> Misconceptions,
    IReadOnlyList<string> Hints);

/// <summary>A source to build questions from: a seed problem of a skill, a homework problem, or a homework's prose.</summary>
/// <param name="Subject">The catalogue subject ("math", "history") when known; null lets the math engine decide whether it reads it.</param>
internal sealed record SourceProblem(string Text, string SkillId, string? Subject = null);

/// <summary>Every way of making questions goes through here (built-in math and text generators; a model-backed one may join).</summary>
internal interface IQuestionGenerator
{
    /// <summary>Up to <paramref name="count"/> questions practising <paramref name="source"/>; fewer (or none) when it cannot make good ones.</summary>
    IReadOnlyList<GeneratedQuestion> Generate(SourceProblem source, int count, int seed);
}
