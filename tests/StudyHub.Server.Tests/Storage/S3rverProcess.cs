using System.Diagnostics;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Storage;

/// <summary>
/// A real S3-compatible server (npm's s3rver, installed into tools/s3rver by scripts/test.sh) on a
/// free loopback port, with one bucket, for the life of a test class. Missing s3rver fails the
/// tests: it is never a reason to skip them.
/// </summary>
public sealed class S3rverProcess : IAsyncLifetime
{
    public const string Bucket = "studyhub-test";
    public const string AccessKey = "S3RVER";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "studyhub-s3rver", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public string ServiceUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var executable = Path.Combine(RepositoryRoot(), "tools", "s3rver", "node_modules", ".bin", "s3rver");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"s3rver is not installed at {executable}: run scripts/test.sh (or `npm ci --prefix tools/s3rver`).");
        }

        Directory.CreateDirectory(_directory);
        var port = LoopbackProcess.FreePort();
        _process = await LoopbackProcess.StartAsync(
            executable, ["-d", _directory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", "--configure-bucket", Bucket], port, TimeSpan.FromSeconds(30));
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    public Task DisposeAsync()
    {
        LoopbackProcess.Stop(_process);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StudyHub.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (StudyHub.slnx) above " + AppContext.BaseDirectory);
    }
}
