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

/// <summary>A source problem to build questions from (a seed problem of a skill, or a homework problem).</summary>
internal sealed record SourceProblem(string Text, string SkillId);

/// <summary>Every way of making questions goes through here (built-in math now; text and model-backed generators later).</summary>
internal interface IQuestionGenerator
{
    /// <summary>Up to <paramref name="count"/> questions practising <paramref name="source"/>; fewer (or none) when it cannot make good ones.</summary>
    IReadOnlyList<GeneratedQuestion> Generate(SourceProblem source, int count, int seed);
}
