using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using StudyHub.Practice.Data;
using StudyHub.Practice.Features;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Benchmarks.Leaderboards;

/// <summary>Top 100 + own rank on the global all-time board (100,000 of 1,000,000 rows) for a leader, a middle and a last student.</summary>
public class LeaderboardBenchmarks
{
    private LeaderboardSeed _seed = null!;
    private readonly GlobalRankSnapshots _globalRanks = new(TimeProvider.System);
    private Guid _leader, _middle, _last;

    [GlobalSetup]
    public void Setup()
    {
        _seed = LeaderboardSeed.CreateAsync().GetAwaiter().GetResult();
        using var db = new PracticeDbContext(_seed.Options);
        var ranked = db.LeaderboardScores.Where(s => s.PeriodKey == "all" && s.ScopeId == BoardRef.GlobalScope)
            .OrderByDescending(s => s.Total).ThenBy(s => s.ReachedAt).Select(s => s.StudentId).ToList();
        (_leader, _middle, _last) = (ranked[0], ranked[ranked.Count / 2], ranked[^1]);
    }

    [GlobalCleanup]
    public void Cleanup() => _seed.Dispose();

    [Benchmark]
    public Task<LeaderboardView> Leader() => BoardFor(_leader);

    [Benchmark]
    public Task<LeaderboardView> Middle() => BoardFor(_middle);

    [Benchmark]
    public Task<LeaderboardView> Last() => BoardFor(_last);

    private async Task<LeaderboardView> BoardFor(Guid studentId)
    {
        await using var db = new PracticeDbContext(_seed.Options);
        var student = new BenchStudent(studentId);
        return await new GetLeaderboard(new DatabaseLeaderboard(db, _globalRanks), new BenchDirectory(Guid.Empty, []), student, student, new FakeTimeProvider(LeaderboardSeed.Now))
            .HandleAsync("all-time", null, CancellationToken.None);
    }
}
