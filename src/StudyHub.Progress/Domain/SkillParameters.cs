namespace StudyHub.Progress.Domain;

/// <summary>Each skill's BKT parameters: its refitted set where one exists, the defaults otherwise.</summary>
internal sealed class SkillParameters(IReadOnlyDictionary<string, BktParameters> refitted, BktParameters defaults)
{
    public static SkillParameters DefaultsOnly { get; } = new(new Dictionary<string, BktParameters>(), BktParameters.Default);

    public BktParameters Defaults => defaults;

    public BktParameters For(string skillId) => refitted.TryGetValue(skillId, out var fitted) ? fitted : defaults;
}
