using System.Diagnostics;

namespace StudyHub.Server.Tests.Infrastructure;

public sealed record ServerProcessResult(int ExitCode, string Output, string Errors)
{
    public IReadOnlyList<string> ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the built server as a real process, for start-up behaviour and command-line verbs.</summary>
public static class ServerProcess
{
    public static async Task<ServerProcessResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new ServerProcessResult(process.ExitCode, await output, await errors);
    }
}
