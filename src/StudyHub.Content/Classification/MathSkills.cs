using StudyHub.Kernel.Skills;
using StudyHub.Math;

namespace StudyHub.Content.Classification;

/// <summary>The skill of a math problem by the engine's kind, with the same mapping homework classification uses.</summary>
internal sealed class MathSkills(MathEngine engine) : IMathSkills
{
    public string? SkillOf(string problem)
    {
        try
        {
            return BuiltInClassifier.SkillOf(new MathReading(problem, engine.Classify(problem)));
        }
        catch (MathEngineException)
        {
            return null;
        }
    }
}
