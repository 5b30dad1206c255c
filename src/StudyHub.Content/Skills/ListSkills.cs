namespace StudyHub.Content.Skills;

public sealed record SkillItem(string Id, string Subject, string Name, string GradeBand, IReadOnlyList<string> Prerequisites);

public sealed record SubjectItem(string Id, string Name);

public sealed record SkillCatalogResponse(IReadOnlyList<SubjectItem> Subjects, IReadOnlyList<SkillItem> Skills);

/// <summary>The catalogue of subjects and skills, for any signed-in user (games and dashboards pick skills from it).</summary>
internal sealed class ListSkills(SkillCatalog catalog, ICurrentUser currentUser)
{
    public SkillCatalogResponse Handle(string? subject)
    {
        currentUser.RequireUserId();
        var skills = catalog.All
            .Where(s => subject is null || s.Subject == subject)
            .Select(s => new SkillItem(s.Id, s.Subject, s.Name, s.GradeBand, s.Prerequisites))
            .ToList();
        return new SkillCatalogResponse(catalog.Subjects.Select(s => new SubjectItem(s.Id, s.Name)).ToList(), skills);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/skills", Ok<SkillCatalogResponse> (string? subject, ListSkills handler) => TypedResults.Ok(handler.Handle(subject)))
            .RequireAuthorization()
            .WithName("ListSkills")
            .WithSummary("StudyHub's subjects and skills with stable ids, grade bands and prerequisites; filter with ?subject=math.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
