using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;

namespace StudyHub.Content.Extraction;

internal sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed);

/// <summary>
/// Runs tesseract, pdftoppm and heif-convert: argument lists (never a shell, so no file name can inject
/// a command), a timeout that kills the process, and one OpenMP thread per process because pages already
/// run in parallel (two tesseracts with 2 threads each on 2 cores are slower than two with one).
/// </summary>
internal sealed class ExternalTool(IOptions<ReadingLimits> options)
{
    private long _toolTicks;

    /// <summary>Time spent inside external tools since start, summed over parallel runs (for the overhead figure).</summary>
    public TimeSpan ToolTime => TimeSpan.FromTicks(Interlocked.Read(ref _toolTicks));

    public async Task<ToolRun> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ToolTimeout);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithEnvironmentVariables(env => env.Set("OMP_THREAD_LIMIT", "1"))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token);
            return new ToolRun(result.ExitCode, result.StandardOutput, result.StandardError, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UnreadableDocumentException("reading_timeout", $"Reading a page took longer than {options.Value.ToolTimeout.TotalSeconds:0} seconds and was stopped.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // The tool is not installed: an operator problem, not the student's file, so keep the real cause.
            throw new InvalidOperationException($"'{program}' could not be started; scripts/run.sh installs it.", ex);
        }
        finally
        {
            Interlocked.Add(ref _toolTicks, clock.Elapsed.Ticks);
        }
    }
}
