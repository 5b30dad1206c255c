using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Metrics_show_http_runtime_database_and_our_own_series_in_prometheus_text()
    {
        using var factory = new StudyHubFactory();
        var student = await factory.RegisterAndSignInAsync();
        using var client = factory.CreateClientFor(student);
        await ApiClient.EnsureSuccessAsync(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));

        // A request's duration is recorded after its response is sent, and the exporter caches a
        // scrape for 300 ms, so read until the /me request shows up.
        var (metrics, text) = await ScrapeUntilAsync(client, "http_route=\"/api/v1/me\"");

        // Counts are "at least one", not exact: OpenTelemetry listens to meters by name across the
        // whole process, so hosts of tests running in parallel add to the same series.
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Matches("http_server_request_duration_seconds_bucket\\{[^}]*http_route=\"/api/v1/me\"[^}]*le=\"\\+Inf\"[^}]*\\} [1-9]", text);
        Assert.Matches("(?m)^dotnet_gc_heap_total_allocated_bytes_total(\\{[^}]*\\})? [1-9]", text);
        Assert.Matches("(?m)^microsoft_entityframeworkcore_queries_total(\\{[^}]*\\})? [1-9]", text);
        Assert.Matches("(?m)^studyhub_sign_in_attempts_total\\{[^}]*outcome=\"success\"[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task Callers_outside_the_allowed_networks_cannot_read_metrics()
    {
        using var factory = new StudyHubFactory().With("Metrics:AllowedNetworks:0", "10.20.0.0/16");
        using var client = factory.CreateClient();

        var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.DoesNotContain("http_server", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_a_request_reaches_the_collector_as_a_trace_with_its_database_spans()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        using var factory = new StudyHubFactory()
            .With("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Address)
            .With("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .With("OTEL_BSP_SCHEDULE_DELAY", "100")
            .With("OTEL_BLRP_SCHEDULE_DELAY", "100");
        var student = await factory.RegisterAndSignInAsync();
        using var client = factory.CreateClientFor(student);

        await ApiClient.EnsureSuccessAsync(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));

        var traces = await collector.ReceivedAsync("traces", "GET /api/v1/me");
        Assert.Contains("GET /api/v1/me", traces, StringComparison.Ordinal);
        Assert.Contains("handler HTTP: GET /api/v1/me", traces, StringComparison.Ordinal);
        Assert.Contains("SELECT", traces, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Hosting.Lifetime", await collector.ReceivedAsync("logs", "Microsoft.Hosting.Lifetime"), StringComparison.Ordinal);
    }

    private static async Task<(HttpResponseMessage Response, string Text)> ScrapeUntilAsync(HttpClient client, string expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(expected, StringComparison.Ordinal) || attempt == 20)
            {
                return (response, text);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>An OTLP/HTTP receiver on a free loopback port that keeps what it is sent, by signal.</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _received = new();

        private FakeOtlpCollector(WebApplication app) => _app = app;

        public string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeOtlpCollector(app);
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector._received.GetOrAdd(signal, _ => new()).Enqueue(body.ToArray());
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        /// <summary>Waits (up to 15 s) until what a signal received holds <paramref name="expected"/>.</summary>
        public async Task<string> ReceivedAsync(string signal, string expected)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!Received(signal).Contains(expected, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            return Received(signal);
        }

        /// <summary>Everything received for a signal; protobuf keeps strings as UTF-8, so names can be searched.</summary>
        public string Received(string signal) =>
            _received.TryGetValue(signal, out var bodies) ? string.Join("\n", bodies.Select(Encoding.UTF8.GetString)) : string.Empty;

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
