using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Time.Testing;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Features;
using StudyHub.Practice.Leaderboards;

namespace StudyHub.Benchmarks.Leaderboards;

/// <summary>
/// The issue's figure: "top 100 + own rank, p99 under 5 ms with 100,000 students and 1,000,000
/// scores". Times the whole use case (GetLeaderboard: a fresh DbContext per request, top 100 with
/// names, the caller's rank) for random students on the global all-time board (100,000 rows, the
/// largest) and on class boards, and prints percentiles. BenchmarkDotNet reports means; this reports p99.
/// On a shared machine wall time mostly measures waiting for a core, so it also prints the request
/// thread's own CPU time (SQLite's async calls run synchronously, so the request stays on one thread).
/// Global ranks come from <see cref="GlobalRankSnapshots"/>, reloaded every 10 s of real time during the run.
/// </summary>
internal static partial class LeaderboardFigures
{
    public static async Task RunAsync(int requests)
    {
        var seeding = Stopwatch.StartNew();
        using var seed = await LeaderboardSeed.CreateAsync();
        Console.WriteLine($"seeded {seed.Rows:N0} score rows for {seed.StudentIds.Count:N0} students in {seeding.Elapsed.TotalSeconds:F1} s");

        var random = new Random(7);
        foreach (var (label, classBoard) in new[] { ("global all-time (100,000 rows)", false), ("class weekly (25 rows)", true) })
        {
            // Warm the connection pool, the page cache and the JIT first.
            await MeasureAsync(seed, random, 200, classBoard);
            var (wall, cpu) = await MeasureAsync(seed, random, requests, classBoard);
            Console.WriteLine($"{label}, {requests} requests, wall: {Percentiles(wall)}");
            Console.WriteLine($"{label}, {requests} requests, on-CPU: {Percentiles(cpu)}");
        }
    }

    private static string Percentiles(List<double> timings)
    {
        timings.Sort();
        double P(double q) => timings[(int)System.Math.Min(timings.Count - 1, System.Math.Ceiling(q * timings.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms, max {timings[^1]:F2} ms");
    }

    private static async Task<(List<double> Wall, List<double> Cpu)> MeasureAsync(LeaderboardSeed seed, Random random, int requests, bool classBoard)
    {
        var clock = new FakeTimeProvider(LeaderboardSeed.Now);

        // The real clock for the global-rank copies, so their 10-second reloads are part of the figure.
        var globalRanks = new GlobalRankSnapshots(TimeProvider.System);
        var wall = new List<double>(requests);
        var cpu = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var index = random.Next(seed.StudentIds.Count);
            var studentId = seed.StudentIds[index];
            var classroomId = seed.ClassroomIds[index / LeaderboardSeed.ClassSize];
            var roster = seed.StudentIds.Skip(index / LeaderboardSeed.ClassSize * LeaderboardSeed.ClassSize).Take(LeaderboardSeed.ClassSize)
                .Select(id => new StudentSummary(id, "Student", "UTC", false, false)).ToList();
            var student = new BenchStudent(studentId);
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadCpuMilliseconds();
            await using var db = new PracticeDbContext(seed.Options);
            var handler = new GetLeaderboard(new DatabaseLeaderboard(db, globalRanks), new BenchDirectory(classroomId, roster), student, student, clock);
            var view = await handler.HandleAsync(classBoard ? "weekly" : "all-time", classBoard ? classroomId : null, CancellationToken.None);
            cpu.Add(ThreadCpuMilliseconds() - cpuStarted);
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (view.You is null || view.Entries.Count == 0)
            {
                throw new InvalidOperationException("The seeded student was not found on the board: the seed's formats differ from EF's.");
            }
        }

        return (wall, cpu);
    }

    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    private static double ThreadCpuMilliseconds() =>
        ClockGetTime(ClockThreadCpuTime, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : double.NaN;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
