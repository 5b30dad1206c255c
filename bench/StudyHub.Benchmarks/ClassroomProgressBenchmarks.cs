using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;
using StudyHub.Progress.Features;

namespace StudyHub.Benchmarks;

/// <summary>
/// The teacher's class matrix: 40 students × 50 skills, 10 answered questions per student and
/// skill (20,000 question results), on a SQLite file as in the default single-machine setup.
/// </summary>
public class ClassroomProgressBenchmarks
{
    private const int Students = 40, Skills = 50, QuestionsPerSkill = 10;
    private static readonly Guid ClassroomId = Guid.CreateVersion7(), TeacherId = Guid.CreateVersion7();

    private string _directory = "";
    private DbContextOptions<ProgressDbContext> _options = null!;
    private Directory _people = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "studyhub-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_directory);
        var builder = new DbContextOptionsBuilder<ProgressDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "progress.db")}", ProgressDbContext.MigrationsHistoryTable);
        _options = builder.Options;

        using var db = new ProgressDbContext(_options);
        db.Database.Migrate();
        var random = new Random(7);
        var now = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
        var students = Enumerable.Range(0, Students).Select(i => new StudentSummary(Guid.CreateVersion7(), $"Student {i:00}", "UTC", false, false)).ToList();
        foreach (var student in students)
        {
            for (var s = 0; s < Skills; s++)
            {
                var skill = $"math.skill-{s:00}";
                var results = Enumerable.Range(0, QuestionsPerSkill).Select(_ => new QuestionResult
                {
                    StudentId = student.Id,
                    QuestionId = Guid.NewGuid(),
                    SkillId = skill,
                    Correct = random.NextDouble() < 0.7,
                    Attempts = random.Next(1, 4),
                    TimeTakenMs = random.Next(5_000, 30_000),
                    TimeLimitMs = 30_000,
                    FirstAnsweredAt = now,
                    LastAnsweredAt = now,
                }).ToList();
                var mastery = new SkillMastery
                {
                    StudentId = student.Id,
                    SkillId = skill,
                    PKnown = random.NextDouble(),
                    Evidence = QuestionsPerSkill,
                    CorrectEvidence = results.Count(r => r.Correct),
                    UpdatedAt = now,
                };
                mastery.Summarise(results);
                db.Masteries.Add(mastery);
                db.QuestionResults.AddRange(results);
            }
        }

        db.SaveChanges();
        _people = new Directory(new ClassroomSummary(ClassroomId, "Algebra", TeacherId, "UTC"), students);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public async Task<int> ClassMatrix40x50()
    {
        await using var db = new ProgressDbContext(_options);
        var view = await new GetClassroomProgress(db, new Teacher(), _people).HandleAsync(ClassroomId, CancellationToken.None);
        return view.Students.Count;
    }

    private sealed class Teacher : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public Guid? UserId => TeacherId;

        public Role? Role => Kernel.Users.Role.Teacher;

        public Guid? SessionId => null;
    }

    // Identity's answers come from memory here: the figure is the Progress module's own cost.
    private sealed class Directory(ClassroomSummary classroom, IReadOnlyList<StudentSummary> students) : IPeopleDirectory
    {
        public Task<StudentSummary?> FindStudentAsync(Guid studentId, CancellationToken cancellationToken) =>
            Task.FromResult(students.FirstOrDefault(s => s.Id == studentId));

        public Task<ClassroomSummary?> FindClassroomAsync(Guid classroomId, CancellationToken cancellationToken) =>
            Task.FromResult(classroomId == classroom.Id ? classroom : null);

        public Task<bool> IsTeacherOfAsync(Guid teacherId, Guid studentId, CancellationToken cancellationToken) => Task.FromResult(teacherId == classroom.TeacherId);

        public Task<bool> IsParentOfAsync(Guid parentId, Guid studentId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> IsEnrolledAsync(Guid classroomId, Guid studentId, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<IReadOnlyList<StudentSummary>> StudentsOfClassroomAsync(Guid classroomId, CancellationToken cancellationToken) => Task.FromResult(students);

        public Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfStudentAsync(Guid studentId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ClassroomSummary>>([classroom]);

        public Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfTeacherAsync(Guid teacherId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ClassroomSummary>>(teacherId == classroom.TeacherId ? [classroom] : []);
    }
}
