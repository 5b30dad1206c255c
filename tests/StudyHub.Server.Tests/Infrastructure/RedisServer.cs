using System.Diagnostics;
using System.Globalization;

namespace StudyHub.Server.Tests.Infrastructure;

/// <summary>
/// A real Redis for the cluster tests: the one <c>scripts/test.sh</c> starts on a free loopback port
/// (its address in <c>STUDYHUB_TEST_REDIS</c>), or else Debian's <c>redis-server</c> started here on
/// a free port for the life of the test class. A missing redis-server fails the tests with the
/// reason: it is never a reason to skip them. Each cluster gets its own key prefix, so tests sharing
/// one server never see each other's counters.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IAsyncDisposable
{
    public const string Variable = "STUDYHUB_TEST_REDIS";
    private const string Executable = "/usr/bin/redis-server";

    private Process? _process;

    /// <summary>host:port of the server.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Two (or more) hosts made with the same prefix form one cluster.</summary>
    public static string NewKeyPrefix() => "test-" + Guid.NewGuid().ToString("N") + ":";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address)
        {
            Address = address;
            return;
        }

        await StartProcessAsync();
    }

    /// <summary>A server of the test's own (always a new process), for a test that stops it.</summary>
    public static async Task<RedisServer> StartPrivateAsync()
    {
        var server = new RedisServer();
        await server.StartProcessAsync();
        return server;
    }

    private async Task StartProcessAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: the cluster tests need Debian's redis-server (scripts/test.sh installs it).");
        }

        var port = LoopbackProcess.FreePort();
        _process = await LoopbackProcess.StartAsync(Executable, ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], port, TimeSpan.FromSeconds(20));
        Address = $"127.0.0.1:{port}";
    }

    public Task DisposeAsync()
    {
        LoopbackProcess.Stop(_process);
        _process = null;
        return Task.CompletedTask;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
