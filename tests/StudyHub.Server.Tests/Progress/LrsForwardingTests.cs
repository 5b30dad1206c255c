using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyHub.Jobs.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Progress.Features;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;
using StudyHub.Server.Tests.Practice;

namespace StudyHub.Server.Tests.Progress;

/// <summary>Statements copied to a configured LRS by the durable recurring job: batches, basic auth, retries that resume.</summary>
public sealed class LrsForwardingTests
{
    [Fact]
    public async Task Every_statement_reaches_the_lrs_once_in_order_even_when_a_batch_fails_and_is_retried()
    {
        await using var lrs = await FakeLrs.StartAsync(failRequestNumber: 2);
        using var factory = PracticeHost.Create()
            .With("Xapi:PublicUrl", "https://school.example.org")
            .With("Xapi:Lrs:Endpoint", lrs.Address + "/xapi")
            .With("Xapi:Lrs:UserName", "studyhub-key")
            .With("Xapi:Lrs:Password", "s3cret")
            .With("Xapi:Lrs:BatchSize", "5")
            .With("Jobs:RetryBaseDelay", "00:00:10");
        _ = factory.Server;
        Assert.Contains(factory.Services.GetServices<RecurringJob>(), r => r.Kind == ForwardStatementsToLrs.JobKind);
        // The recurring run enqueued at start has nothing to send yet; wait for it so it cannot send what follows.
        await StartupRunFinishedAsync(factory);
        Assert.Empty(lrs.Requests);

        var student = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClientFor(student);
        await XapiStatementTests.PlayWithHintAndSlowAnswerAsync(factory, client);
        var exported = (await client.GetFromJsonAsync<JsonElement>("/api/v1/xapi/statements")).GetProperty("statements").EnumerateArray()
            .Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(XapiStatementTests.PlayStatementsWithoutBadges + 2, exported.Count); // and its two badges

        // First run: a batch of 5 is accepted, the next batch of 5 is refused (503): the job is retried later.
        var jobId = await EnqueueAsync(factory);
        var failed = await factory.WaitForStateAsync(jobId, JobState.Queued, attempts: 1);
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(2, lrs.Requests.Count);

        // The retry resumes after the accepted batch: nothing is sent twice.
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await factory.Runner().RunDueJobsAsync();
        await factory.WaitForStateAsync(jobId, JobState.Succeeded);
        Assert.Equal(3, lrs.Requests.Count);
        Assert.Equal(exported, lrs.AcceptedIds);

        var request = lrs.Requests.Last();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("studyhub-key:s3cret")), request.Authorization);
        Assert.Equal("1.0.3", request.Version);
        Assert.Equal("/xapi/statements", request.Path);
        foreach (var statement in JsonDocument.Parse(request.Body).RootElement.EnumerateArray())
        {
            XapiStatementTests.AssertValidStatement(statement);
        }

        // The next run has nothing new to send.
        await factory.WaitForStateAsync(await EnqueueAsync(factory), JobState.Succeeded);
        Assert.Equal(3, lrs.Requests.Count);
    }

    private static async Task StartupRunFinishedAsync(StudyHubFactory factory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var states = await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.AsNoTracking()
                .Where(j => j.Kind == ForwardStatementsToLrs.JobKind).Select(j => j.State).ToListAsync();
            if (states.Count > 0 && states.All(s => s == JobState.Succeeded))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The recurring forward job did not run at start: [{string.Join(", ", states)}]");
            await Task.Delay(20);
        }
    }

    private static async Task<Guid> EnqueueAsync(StudyHubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var job = Job.Create(ForwardStatementsToLrs.JobKind, "{}", factory.Clock.GetUtcNow().UtcDateTime);
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    internal sealed record LrsRequest(string Path, string? Authorization, string? Version, string Body, int Status);

    /// <summary>A minimal LRS on a free loopback port: takes statement batches, refuses one request with 503 if told to.</summary>
    private sealed class FakeLrs : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<LrsRequest> _requests = new();

        private FakeLrs(WebApplication app) => _app = app;

        public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        public IReadOnlyList<LrsRequest> Requests => [.. _requests];

        public List<Guid> AcceptedIds => [.. _requests.Where(r => r.Status == 200)
            .SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()))];

        public static async Task<FakeLrs> StartAsync(int failRequestNumber)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var lrs = new FakeLrs(app);
            app.MapPost("/xapi/statements", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                var body = await reader.ReadToEndAsync();
                var status = lrs._requests.Count + 1 == failRequestNumber ? 503 : 200;
                lrs._requests.Enqueue(new LrsRequest(request.Path, request.Headers.Authorization, request.Headers["X-Experience-API-Version"], body, status));
                if (status != 200)
                {
                    return Results.StatusCode(status);
                }

                // An LRS answers with the ids it stored.
                var ids = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
                return Results.Json(ids);
            });
            await app.StartAsync();
            return lrs;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
