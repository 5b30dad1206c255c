using System.Reflection;
using System.Text.Json;
using StudyHub.Kernel.Skills;

namespace StudyHub.Content.Skills;

internal sealed record Subject(string Id, string Name);

/// <summary>
/// The skill catalogue shipped as <c>Skills/skills.json</c> (an embedded resource). It is checked
/// when loaded — duplicate or unknown ids, unknown subjects and prerequisite cycles stop start-up
/// with one line — because every other module stores these ids.
/// </summary>
internal sealed class SkillCatalog : ISkillCatalog
{
    private const string ResourceName = "StudyHub.Content.Skills.skills.json";
    private readonly Dictionary<string, Skill> _byId;

    private SkillCatalog(IReadOnlyList<Subject> subjects, IReadOnlyList<Skill> skills)
    {
        Subjects = subjects;
        All = skills;
        _byId = skills.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Subject> Subjects { get; }

    public IReadOnlyList<Skill> All { get; }

    public Skill? Find(string id) => _byId.GetValueOrDefault(id);

    public bool IsSubject(string subject) => Subjects.Any(s => s.Id == subject);

    /// <summary>A subject's name for people ("Mathematics" for "math"); problems the classifier left unclassified say so.</summary>
    public string SubjectName(string subject) =>
        Subjects.FirstOrDefault(s => s.Id == subject)?.Name ?? (subject == "unknown" ? "Subject unknown" : subject);

    public static SkillCatalog LoadEmbedded()
    {
        using var stream = typeof(SkillCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The skill catalogue resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <exception cref="OptionsValidationException">The catalogue is inconsistent; the message is one line naming the culprit.</exception>
    public static SkillCatalog Parse(string json)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException e)
        {
            throw Invalid($"is not valid JSON ({e.Message.Split('\n')[0]})");
        }

        if (file?.Subjects is not { Count: > 0 } subjectRows || file.Skills is not { Count: > 0 } skillRows)
        {
            throw Invalid("must list subjects and skills");
        }

        var subjects = subjectRows.Select(s => new Subject(s.Id ?? "", s.Name ?? "")).ToList();
        var subjectIds = subjects.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var skills = new List<Skill>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in skillRows)
        {
            if (string.IsNullOrWhiteSpace(row.Id) || string.IsNullOrWhiteSpace(row.Name) || string.IsNullOrWhiteSpace(row.GradeBand))
            {
                throw Invalid($"has a skill without id, name or grade band ({row.Id ?? "no id"})");
            }

            if (!seen.Add(row.Id))
            {
                throw Invalid($"lists skill '{row.Id}' twice");
            }

            // The subject is the id's first segment, so an id alone tells which subject it belongs to.
            var subject = row.Id.Split('.')[0];
            if (!subjectIds.Contains(subject))
            {
                throw Invalid($"skill '{row.Id}' belongs to unknown subject '{subject}'");
            }

            skills.Add(new Skill(row.Id, subject, row.Name, row.GradeBand, row.Prerequisites ?? []));
        }

        foreach (var skill in skills)
        {
            if (skill.Prerequisites.FirstOrDefault(p => !seen.Contains(p)) is { } unknown)
            {
                throw Invalid($"skill '{skill.Id}' needs unknown prerequisite '{unknown}'");
            }
        }

        if (FindCycle(skills) is { } cycle)
        {
            throw Invalid($"has a prerequisite cycle: {string.Join(" -> ", cycle)}");
        }

        return new SkillCatalog(subjects, skills);
    }

    /// <summary>A prerequisite cycle as a path (first id repeated at the end), or null for a DAG.</summary>
    private static List<string>? FindCycle(IReadOnlyList<Skill> skills)
    {
        var byId = skills.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string id)
        {
            if (state.GetValueOrDefault(id) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(id) == 1)
            {
                return [.. path[path.IndexOf(id)..], id];
            }

            state[id] = 1;
            path.Add(id);
            foreach (var prerequisite in byId[id].Prerequisites)
            {
                if (Visit(prerequisite) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return null;
        }

        return skills.Select(s => Visit(s.Id)).FirstOrDefault(c => c is not null);
    }

    private static OptionsValidationException Invalid(string problem) =>
        new("skills.json", typeof(SkillCatalog), [$"The skill catalogue (skills.json) {problem}."]);

    private sealed record CatalogFile(List<SubjectRow>? Subjects, List<SkillRow>? Skills);

    private sealed record SubjectRow(string? Id, string? Name);

    private sealed record SkillRow(string? Id, string? Name, string? GradeBand, List<string>? Prerequisites);
}
