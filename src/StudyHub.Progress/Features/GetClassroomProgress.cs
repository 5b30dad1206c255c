using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>One row of the heatmap: P(L) per skill in the order of <see cref="ClassroomProgressView.Skills"/>, null where the student has no evidence.</summary>
public sealed record StudentMasteryRow(Guid StudentId, string DisplayName, IReadOnlyList<double?> Mastery, int SkillsMastered, int WeakSpots);

/// <summary>A student with weak spots, most urgent first.</summary>
public sealed record StudentNeedingHelp(Guid StudentId, string DisplayName, string TopSkillId, double TopPriority, int WeakSpots);

/// <summary>A skill across the class: mean P(L) of the students who practised it.</summary>
public sealed record ClassSkill(string SkillId, int StudentsPractised, double MeanMastery, int StudentsMastered, int StudentsWeak);

public sealed record ClassroomProgressView(
    Guid ClassroomId,
    IReadOnlyList<string> Skills,
    IReadOnlyList<StudentMasteryRow> Students,
    IReadOnlyList<StudentNeedingHelp> NeedsHelp,
    IReadOnlyList<ClassSkill> WeakestSkills);

/// <summary>The teacher's view of a classroom: students × skills, who needs help now, the weakest skills.</summary>
internal sealed class GetClassroomProgress(ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people)
{
    public const int WeakestSkillsShown = 5;

    public async Task<ClassroomProgressView> HandleAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var viewerId = currentUser.RequireRole(Role.Teacher, Role.Admin);
        var classroom = await people.FindClassroomAsync(classroomId, cancellationToken);
        if (classroom is null || (currentUser.Role != Role.Admin && classroom.TeacherId != viewerId))
        {
            throw new NotFoundException("classroom");
        }

        var students = await people.StudentsOfClassroomAsync(classroomId, cancellationToken);
        var ids = students.Select(s => s.Id).ToList();

        var masteries = await db.Masteries.AsNoTracking()
            .Where(m => ids.Contains(m.StudentId))
            .Select(m => new { m.StudentId, m.SkillId, m.PKnown })
            .ToListAsync(cancellationToken);
        var results = await db.QuestionResults.AsNoTracking()
            .Where(r => ids.Contains(r.StudentId))
            .Select(r => new { r.StudentId, r.SkillId, Outcome = new QuestionOutcome(r.Correct, r.Attempts, TimeSpan.FromMilliseconds(r.TimeTakenMs), TimeSpan.FromMilliseconds(r.TimeLimitMs)) })
            .ToListAsync(cancellationToken);

        var skills = masteries.Select(m => m.SkillId).Distinct().Order(StringComparer.Ordinal).ToList();
        var column = skills.Select((skill, index) => (skill, index)).ToDictionary(x => x.skill, x => x.index);
        var weakSpots = results
            .GroupBy(r => (r.StudentId, r.SkillId))
            .Select(g => WeakSpots.Assess(g.Key.SkillId, [.. g.Select(r => r.Outcome)], examWeight: null, reviewMaterial: null) is { } spot ? (g.Key.StudentId, Spot: spot) : default)
            .Where(w => w.Spot is not null)
            .ToLookup(w => w.StudentId, w => w.Spot);
        var masteryByStudent = masteries.ToLookup(m => m.StudentId);

        var rows = students.Select(student =>
        {
            var cells = new double?[skills.Count];
            foreach (var m in masteryByStudent[student.Id])
            {
                cells[column[m.SkillId]] = Math.Round(m.PKnown, 4);
            }

            return new StudentMasteryRow(student.Id, student.DisplayName, cells,
                masteryByStudent[student.Id].Count(m => KnowledgeTracing.IsMastered(m.PKnown)), weakSpots[student.Id].Count());
        }).ToList();

        var needsHelp = students
            .Where(s => weakSpots[s.Id].Any())
            .Select(s =>
            {
                var top = WeakSpots.Rank(weakSpots[s.Id])[0];
                return new StudentNeedingHelp(s.Id, s.DisplayName, top.SkillId, Math.Round(top.Priority, 2), weakSpots[s.Id].Count());
            })
            .OrderByDescending(s => s.TopPriority)
            .ThenBy(s => s.DisplayName, StringComparer.Ordinal)
            .ToList();

        var weakBySkill = weakSpots.SelectMany(g => g).GroupBy(w => w.SkillId).ToDictionary(g => g.Key, g => g.Count());
        var weakest = masteries
            .GroupBy(m => m.SkillId)
            .Select(g => new ClassSkill(g.Key, g.Count(), Math.Round(g.Average(m => m.PKnown), 4),
                g.Count(m => KnowledgeTracing.IsMastered(m.PKnown)), weakBySkill.GetValueOrDefault(g.Key)))
            .OrderBy(s => s.MeanMastery)
            .ThenBy(s => s.SkillId, StringComparer.Ordinal)
            .Take(WeakestSkillsShown)
            .ToList();

        return new ClassroomProgressView(classroomId, skills, rows, needsHelp, weakest);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/classrooms/{classroomId:guid}/progress", async Task<Ok<ClassroomProgressView>> (Guid classroomId, GetClassroomProgress handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(classroomId, ct)))
            .RequireAuthorization()
            .WithName("GetClassroomProgress")
            .WithSummary("A classroom you teach: students × skills mastery matrix, who needs help now, the class's weakest skills.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
