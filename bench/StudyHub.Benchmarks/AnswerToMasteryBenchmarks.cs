using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Progress.Features;

namespace StudyHub.Benchmarks;

/// <summary>
/// The whole answer handler per answer, as the outbox delivers it (the "mastery update" of issue
/// #10): check the event is new, load the skill's answered questions, replay P(L), redraw the
/// history, save — on a SQLite file as in the single-machine setup. Each student already has
/// <see cref="PriorAnswers"/> answers on the skill, and answers rotate over 100 students so the
/// skill's history grows slowly during the run.
/// </summary>
public class AnswerToMasteryBenchmarks
{
    private const int Students = 100;

    private readonly List<Guid> _students = [.. Enumerable.Range(0, Students).Select(_ => Guid.CreateVersion7())];
    private string _directory = "";
    private DbContextOptions<ProgressDbContext> _options = null!;
    private DateTime _at = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private int _next;

    [Params(20, 200)]
    public int PriorAnswers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "studyhub-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var builder = new DbContextOptionsBuilder<ProgressDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "progress.db")}", ProgressDbContext.MigrationsHistoryTable);
        _options = builder.Options;
        await using (var db = new ProgressDbContext(_options))
        {
            await db.Database.MigrateAsync();
        }

        for (var i = 0; i < PriorAnswers; i++)
        {
            foreach (var student in _students)
            {
                await AnswerAsync(student);
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task ApplyOneAnswer() => AnswerAsync(_students[_next++ % Students]);

    private async Task AnswerAsync(Guid student)
    {
        _at = _at.AddSeconds(1);
        await using var db = new ProgressDbContext(_options);
        var handler = new ApplyAnswerToMastery(db, TimeProvider.System, NullLogger<ApplyAnswerToMastery>.Instance);
        await handler.HandleAsync(
            new QuestionAnswered(Guid.CreateVersion7(), student, "math.fractions", Guid.CreateVersion7(), null, _next % 3 != 0, 1, 0,
                TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(30), _at),
            CancellationToken.None);
    }
}
