using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-d", _directory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", "--configure-bucket", Bucket })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("s3rver did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ServiceUrl = $"http://127.0.0.1:{port}";

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
