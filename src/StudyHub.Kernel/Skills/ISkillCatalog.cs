namespace StudyHub.Kernel.Skills;

/// <summary>
/// A skill of StudyHub's catalogue. Ids are stable, lower-case and dotted by subject, e.g.
/// <c>math.linear-equations</c>, <c>math.fractions</c>, <c>biology.cells</c>; classification, games,
/// mastery, exams and recommendations all refer to skills by this id.
/// </summary>
public sealed record Skill(
    string Id,
    string Subject,
    string Name,
    string GradeBand,
    IReadOnlyList<string> Prerequisites);

/// <summary>The skill catalogue, shipped as data and loaded at start (the Content module owns it).</summary>
public interface ISkillCatalog
{
    IReadOnlyList<Skill> All { get; }

    Skill? Find(string id);
}
