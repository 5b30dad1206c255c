using System.Diagnostics;
using System.Text.Json;

namespace StudyHub.Server.Tests.Practice;

/// <summary>
/// Runs a script of tests/fsrs-reference (the reference FSRS-6, ts-fsrs, installed by
/// scripts/test.sh) with JSON on stdin and returns its JSON output. A missing node or ts-fsrs
/// fails the test: the comparison is the point.
/// </summary>
internal static class FsrsReference
{
    public static async Task<JsonElement> RunAsync(string script, string inputJson)
    {
        var folder = RepositoryFiles.PathOf("tests/fsrs-reference");
        Assert.True(
            File.Exists(Path.Combine(folder, "node_modules", "ts-fsrs", "package.json")),
            "ts-fsrs is not installed: run scripts/test.sh, or `npm ci` in tests/fsrs-reference.");
        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await node.StandardInput.WriteAsync(inputJson);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, "the reference script failed: " + errors);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
