namespace StudyHub.Kernel.Skills;

/// <summary>The catalogue skill a math problem practises (the Content module answers, as its classifier does).</summary>
public interface IMathSkills
{
    /// <summary>The skill id, e.g. <c>math.linear-equations</c>; null when the math engine cannot read the problem.</summary>
    string? SkillOf(string problem);
}
