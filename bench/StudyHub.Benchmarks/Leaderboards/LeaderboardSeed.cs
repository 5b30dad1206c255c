using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Benchmarks.Leaderboards;

/// <summary>
/// The issue's leaderboard scale on a SQLite file: 100,000 students in 4,000 classes of 25, each
/// with a row on the global and on their class's board for five period instances (all-time, this
/// month, this week, yesterday, today): 1,000,000 score rows. Rows are written with plain SQL in one
/// transaction (EF change tracking would dominate), in the formats EF reads back (checked after).
/// </summary>
internal sealed class LeaderboardSeed : IDisposable
{
    public const int Students = 100_000;
    public const int ClassSize = 25;
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private LeaderboardSeed(string directory, DbContextOptions<PracticeDbContext> options, IReadOnlyList<Guid> students, IReadOnlyList<Guid> classrooms)
    {
        Directory = directory;
        Options = options;
        StudentIds = students;
        ClassroomIds = classrooms;
    }

    public string Directory { get; }

    public DbContextOptions<PracticeDbContext> Options { get; }

    public IReadOnlyList<Guid> StudentIds { get; }

    public IReadOnlyList<Guid> ClassroomIds { get; }

    public long Rows { get; private set; }

    public static async Task<LeaderboardSeed> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "studyhub-boards-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var connectionString = $"Data Source={Path.Combine(directory, "practice.db")}";
        var builder = new DbContextOptionsBuilder<PracticeDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, connectionString, PracticeDbContext.MigrationsHistoryTable);
        await using (var db = new PracticeDbContext(builder.Options))
        {
            await db.Database.MigrateAsync();
        }

        var random = new Random(2026);
        var students = Enumerable.Range(0, Students).Select(_ => Guid.NewGuid()).ToList();
        var classrooms = Enumerable.Range(0, Students / ClassSize).Select(_ => Guid.NewGuid()).ToList();
        var keys = new[]
        {
            ("all", 60_000), (Key(LeaderboardPeriod.Monthly, Now), 20_000), (Key(LeaderboardPeriod.Weekly, Now), 6_000),
            (Key(LeaderboardPeriod.Daily, Now.AddDays(-1)), 1_500), (Key(LeaderboardPeriod.Daily, Now), 1_500),
        };

        var seed = new LeaderboardSeed(directory, builder.Options, students, classrooms);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO practice_leaderboard_scores (PeriodKey, ScopeId, StudentId, Total, ReachedAt) VALUES ($key, $scope, $student, $total, $at)";
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var scope = insert.Parameters.Add("$scope", SqliteType.Text);
        var student = insert.Parameters.Add("$student", SqliteType.Text);
        var total = insert.Parameters.Add("$total", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var global = Text(BoardRef.GlobalScope);
        for (var i = 0; i < students.Count; i++)
        {
            student.Value = Text(students[i]);
            var classroom = Text(classrooms[i / ClassSize]);
            foreach (var (periodKey, maxPoints) in keys)
            {
                key.Value = periodKey;
                total.Value = random.Next(10, maxPoints);
                at.Value = Now.UtcDateTime.AddSeconds(-random.Next(0, 86_400)).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                foreach (var scopeId in new[] { global, classroom })
                {
                    scope.Value = scopeId;
                    await insert.ExecuteNonQueryAsync();
                    seed.Rows++;
                }
            }
        }

        await transaction.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }

        return seed;
    }

    public static string Key(LeaderboardPeriod period, DateTimeOffset at) => LeaderboardPeriods.WindowOf(period, at, TimeZoneInfo.Utc).Key;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    // EF Core's SQLite provider stores a Guid as upper-case text.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();
}

/// <summary>A signed-in student as the handler sees them, and Identity's answers from memory: the figure is the practice module's own cost.</summary>
internal sealed class BenchStudent(Guid id) : ICurrentUser, IConsentGate
{
    public bool IsAuthenticated => true;

    public Guid? UserId => id;

    public Role? Role => Kernel.Users.Role.Student;

    public Guid? SessionId => null;

    public Task EnsureMayUseRestrictedFeaturesAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class BenchDirectory(Guid classroomId, IReadOnlyList<StudentSummary> roster) : IPeopleDirectory
{
    public Task<StudentSummary?> FindStudentAsync(Guid studentId, CancellationToken cancellationToken) => Task.FromResult(roster.FirstOrDefault(s => s.Id == studentId));

    public Task<ClassroomSummary?> FindClassroomAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<ClassroomSummary?>(id == classroomId ? new ClassroomSummary(id, "Algebra", Guid.Empty, "UTC") : null);

    public Task<bool> IsTeacherOfAsync(Guid teacherId, Guid studentId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> IsParentOfAsync(Guid parentId, Guid studentId, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> IsEnrolledAsync(Guid id, Guid studentId, CancellationToken cancellationToken) => Task.FromResult(id == classroomId);

    public Task<IReadOnlyList<StudentSummary>> StudentsOfClassroomAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(roster);

    public Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfStudentAsync(Guid studentId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClassroomSummary>>([new ClassroomSummary(classroomId, "Algebra", Guid.Empty, "UTC")]);

    public Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfTeacherAsync(Guid teacherId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClassroomSummary>>([]);
}
