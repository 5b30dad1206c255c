namespace StudyHub.Practice.Generation;

/// <summary>
/// The generator games use: each source goes to the math engine or to the text generator by its
/// subject. A math source only ever gets math questions; a source of another subject gets text
/// questions; a source of unknown subject is math when the engine reads it, prose otherwise.
/// </summary>
internal sealed class SubjectQuestionGenerator(MathQuestionGenerator math, TextQuestionGenerator text) : IQuestionGenerator
{
    public const string MathSubject = "math";

    /// <summary>Text known not to be math whose catalogue subject is unknown (a topic's passages).</summary>
    public const string ProseSubject = "prose";

    public IReadOnlyList<GeneratedQuestion> Generate(SourceProblem source, int count, int seed) => source.Subject switch
    {
        MathSubject => math.Generate(source, count, seed),
        null => math.Generate(source, count, seed) is { Count: > 0 } questions ? questions : text.Generate(source, count, seed),
        _ => text.Generate(source, count, seed),
    };
}
