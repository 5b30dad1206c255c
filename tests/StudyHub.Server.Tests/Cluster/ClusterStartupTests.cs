using System.Net;
using System.Text.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Cluster;

public sealed class ClusterStartupTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task An_unreachable_Redis_stops_the_start_with_one_line_naming_the_setting()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more: the connection is refused

        var run = await ServerProcess.RunAsync("--urls", "http://127.0.0.1:0",
            "--DataDirectory", Path.Combine(Path.GetTempPath(), "studyhub-start-" + Guid.NewGuid().ToString("N")),
            "--Redis:Connection", $"127.0.0.1:{port},connectTimeout=2000");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Start-up error: cannot reach Redis (", line, StringComparison.Ordinal);
        Assert.EndsWith("Check Redis:Connection and that the server is running, or remove Redis:Connection to run as one machine.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_first_requests_on_a_fresh_instance_is_answered_without_waiting_on_Redis()
    {
        // The revocation channel is subscribed when the first token is checked. A blocking subscribe
        // there held every thread of a cold instance until Redis timed out: 0 requests answered.
        using var factory = new StudyHubFactory().With("Redis:Connection", redis.Address).With("Redis:KeyPrefix", RedisServer.NewKeyPrefix());
        var account = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClientFor(account);

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => client.GetAsync("/api/v1/me"))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }

    [Fact]
    public async Task Readiness_includes_Redis_when_it_is_configured()
    {
        using var factory = new StudyHubFactory().With("Redis:Connection", redis.Address).With("Redis:KeyPrefix", RedisServer.NewKeyPrefix());
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("checks").GetProperty("Redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_Redis_readiness_has_no_Redis_check()
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));

        Assert.False(body.RootElement.GetProperty("checks").TryGetProperty("Redis", out _));
    }
}
