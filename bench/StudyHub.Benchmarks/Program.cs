using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args is ["--reading-figures", ..])
{
    // The reading figures of issue #8 (wall-clock seconds of whole reads, too slow for BenchmarkDotNet's repetitions).
    await StudyHub.Benchmarks.ReadingFigures.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}

if (args is ["--leaderboard-figures", ..])
{
    // Issue #9's leaderboard figure: p99 of top 100 + own rank with 100,000 students and 1,000,000 score rows.
    await StudyHub.Benchmarks.Leaderboards.LeaderboardFigures.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000);
    return;
}

// In-process: the generated out-of-process project would inherit the repository's strict build props.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(StudyHub.Benchmarks.SolveBenchmarks).Assembly).Run(args, config);
