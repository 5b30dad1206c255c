namespace StudyHub.Content.Classification;

/// <param name="Subject">A subject id of the catalogue ("math", "biology").</param>
/// <param name="SkillId">A skill id of the catalogue, or null when no skill could be told.</param>
/// <param name="Confidence">0–1.</param>
internal sealed record Classification(string Subject, string? SkillId, double Confidence);

/// <summary>
/// Tells a problem's subject and skill. The built-in classifier answers offline; a model-backed
/// one may be registered instead later, and must return ids of the catalogue (checked by
/// <see cref="CatalogCheckedClassifier"/>).
/// </summary>
internal interface IProblemClassifier
{
    Classification Classify(string text, string? instruction);
}
