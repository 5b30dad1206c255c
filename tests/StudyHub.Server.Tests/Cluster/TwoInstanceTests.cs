using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Server.Cluster;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Cluster;

/// <summary>
/// Two StudyHub instances on one database and one real Redis, as behind a load balancer: limits
/// hold across both, a revocation on one is refused by the other at once, and a SignalR message
/// sent on one reaches a client connected to the other.
/// </summary>
public sealed class TwoInstanceTests(RedisServer redis, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task The_sign_in_budget_of_an_account_is_one_budget_across_both_instances()
    {
        var (a, b) = Cluster(("Auth:SignInAttemptsPerAccountPerMinute", "6"), ("Auth:MaxFailedSignIns", "100"));
        using (a)
        using (b)
        {
            var account = await a.RegisterAndSignInAsync("teacher");
            using var toA = a.CreateClient();
            using var toB = b.CreateClient();

            // One sign-in was spent by RegisterAndSignInAsync; five wrong passwords, alternating, spend the rest.
            var statuses = new List<HttpStatusCode>();
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var client = attempt % 2 == 0 ? toB : toA;
                var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "Not-the-password-1" });
                statuses.Add(response.StatusCode);
            }

            Assert.Equal(
                [.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)],
                statuses);
            var refused = await toA.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "sign_in_rate_limited");
        }
    }

    [Fact]
    public async Task Failed_sign_ins_on_both_instances_add_up_to_one_lockout()
    {
        var (a, b) = Cluster(("Auth:MaxFailedSignIns", "3"), ("Auth:SignInAttemptsPerAccountPerMinute", "100"));
        using (a)
        using (b)
        {
            var account = await a.RegisterAndSignInAsync("teacher");
            using var toA = a.CreateClient();
            using var toB = b.CreateClient();

            foreach (var client in new[] { toA, toB, toA })
            {
                var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "Not-the-password-1" });
                Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            }

            // Even the right password is refused from this address until the lockout ends, on either instance.
            var locked = await toB.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password });
            await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
            Assert.Equal("900", locked.Headers.GetValues("Retry-After").Single());
        }
    }

    [Fact]
    public async Task The_per_user_request_limit_holds_across_both_instances()
    {
        var (a, b) = Cluster(("RateLimits:PerUserPerMinute", "10"));
        using (a)
        using (b)
        {
            var student = await a.RegisterAndSignInAsync("student");
            using var toA = a.CreateClientFor(student);
            using var toB = b.CreateClientFor(student);

            var statuses = new List<HttpStatusCode>();
            for (var request = 0; request < 14; request++)
            {
                statuses.Add((await (request % 2 == 0 ? toA : toB).GetAsync("/api/v1/me")).StatusCode);
            }

            Assert.Equal(
                [.. Enumerable.Repeat(HttpStatusCode.OK, 10), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4)],
                statuses);
            var refused = await toB.GetAsync("/api/v1/me");
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        }
    }

    [Fact]
    public async Task A_session_signed_out_on_one_instance_is_refused_by_the_other_within_a_second()
    {
        var (a, b) = Cluster();
        using (a)
        using (b)
        {
            var student = await a.RegisterAndSignInAsync("student");
            using var toA = a.CreateClientFor(student);
            using var toB = b.CreateClientFor(student);
            // B has now checked the session and caches "active" for 30 s of its (frozen) clock.
            Assert.Equal(HttpStatusCode.OK, (await toB.GetAsync("/api/v1/me")).StatusCode);

            Assert.Equal(HttpStatusCode.NoContent, (await toA.PostAsync("/api/v1/auth/logout", null)).StatusCode);
            var seen = await UntilRefusedAsync(toB);

            output.WriteLine($"B refused the signed-out session {seen.TotalMilliseconds:0} ms after A answered the sign-out.");
            Assert.True(seen < TimeSpan.FromSeconds(1), $"B still accepted the token {seen.TotalMilliseconds:0} ms after the sign-out on A.");
        }
    }

    [Fact]
    public async Task An_account_erased_on_one_instance_is_refused_by_the_other_within_a_second()
    {
        var (a, b) = Cluster();
        using (a)
        using (b)
        {
            var student = await a.RegisterAndSignInAsync("student");
            using var toA = a.CreateClientFor(student);
            using var toB = b.CreateClientFor(student);
            Assert.Equal(HttpStatusCode.OK, (await toB.GetAsync("/api/v1/me")).StatusCode);

            using var erase = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = student.Password }) };
            Assert.Equal(HttpStatusCode.NoContent, (await toA.SendAsync(erase)).StatusCode);
            var seen = await UntilRefusedAsync(toB);

            output.WriteLine($"B refused the erased account's token {seen.TotalMilliseconds:0} ms after A answered the erasure.");
            Assert.True(seen < TimeSpan.FromSeconds(1), $"B still accepted the token {seen.TotalMilliseconds:0} ms after the erasure on A.");
        }
    }

    [Fact]
    public async Task Consent_withdrawn_on_one_instance_closes_the_math_endpoints_on_the_other_within_a_second()
    {
        var (a, b) = Cluster();
        using (a)
        using (b)
        {
            var child = await a.RegisterAndSignInAsync("student", new DateOnly(2016, 1, 1));
            using var parentOnA = await a.ParentConsentsAsync(child);
            using var toB = b.CreateClientFor(child);
            // B has now read the consent and caches "given" for 30 s of its (frozen) clock.
            Assert.Equal(HttpStatusCode.OK, (await toB.PostAsJsonAsync("/api/v1/math/solve", new { problem = "1+1" })).StatusCode);

            await ApiClient.EnsureSuccessAsync(await parentOnA.DeleteAsync(new Uri($"/api/v1/parents/children/{child.Id}/consent", UriKind.Relative)));
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(40)
                && (await toB.PostAsJsonAsync("/api/v1/math/solve", new { problem = "1+1" })).StatusCode != HttpStatusCode.Forbidden)
            {
                await Task.Delay(10);
            }

            output.WriteLine($"B closed the math endpoints {watch.Elapsed.TotalMilliseconds:0} ms after A answered the withdrawal.");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"B still answered {watch.Elapsed.TotalMilliseconds:0} ms after the withdrawal on A.");
        }
    }

    [Fact]
    public async Task A_SignalR_message_sent_on_one_instance_reaches_a_client_connected_to_the_other()
    {
        var prefix = RedisServer.NewKeyPrefix();
        using var a = new StudyHubFactory().With("Redis:Connection", redis.Address).With("Redis:KeyPrefix", prefix);
        await using var b = await HubOnlyInstanceAsync(prefix);
        var server = b.GetTestServer();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "test-hub"), options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<string>("announced", message => received.TrySetResult(message));
        await connection.StartAsync();

        await a.Services.GetRequiredService<IHubContext<ClusterTestHub>>().Clients.All.SendAsync("announced", "game 42 started");

        Assert.Equal("game 42 started", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private (StudyHubFactory A, StudyHubFactory B) Cluster(params (string Key, string Value)[] settings)
    {
        var prefix = RedisServer.NewKeyPrefix();
        var a = Instance(new StudyHubFactory());
        var b = Instance(new StudyHubFactory().SharingDatabaseOf(a));
        _ = a.Server;
        _ = b.Server;
        return (a, b);

        StudyHubFactory Instance(StudyHubFactory factory)
        {
            factory.With("Redis:Connection", redis.Address).With("Redis:KeyPrefix", prefix);
            foreach (var (key, value) in settings)
            {
                factory.With(key, value);
            }

            return factory;
        }
    }

    // Asks B every 10 ms until it refuses the token; returns how long that took.
    private static async Task<TimeSpan> UntilRefusedAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(40))
        {
            if ((await client.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.Unauthorized)
            {
                return watch.Elapsed;
            }

            await Task.Delay(10);
        }

        return watch.Elapsed;
    }

    // A second instance with only the cluster wiring and a hub: the StudyHub host maps no hub of its own yet.
    private async Task<WebApplication> HubOnlyInstanceAsync(string prefix)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Redis:Connection"] = redis.Address;
        builder.Configuration["Redis:KeyPrefix"] = prefix;
        builder.AddCoordination();
        var app = builder.Build();
        app.ConnectCoordination();
        app.MapHub<ClusterTestHub>("/test-hub");
        await app.StartAsync();
        return app;
    }
}

/// <summary>A hub for the backplane test: clients only listen.</summary>
public sealed class ClusterTestHub : Hub;
