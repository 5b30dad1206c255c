using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StudyHub.Kernel.Telemetry;

namespace StudyHub.Server.Hosting;

/// <summary>The <c>Metrics</c> section: who may scrape <c>/metrics</c>.</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>CIDR ranges allowed to read <c>/metrics</c>; loopback only unless configured.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    public IReadOnlyList<IPNetwork> Networks() =>
        (AllowedNetworks.Count == 0 ? ["127.0.0.0/8", "::1/128"] : AllowedNetworks).Select(IPNetwork.Parse).ToList();
}

internal static class Observability
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string LogFormatKey = "Logging:Format";

    /// <summary>
    /// One JSON object per log line, with scopes, so every line carries its correlation id (what a
    /// log collector wants); <c>Logging:Format=text</c> gives one readable line per entry for a
    /// person watching a terminal (run.sh sets it).
    /// </summary>
    public static WebApplicationBuilder AddJsonLogs(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration[LogFormatKey], "text", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = false;
                options.TimestampFormat = "HH:mm:ss ";
            });
            return builder;
        }

        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }

    /// <summary>API JSON: camelCase names (the framework default) and enums as camelCase strings, not numbers.</summary>
    public static WebApplicationBuilder AddJsonConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        return builder;
    }

    /// <summary>
    /// Metrics always (scraped at <c>/metrics</c>); traces and logs only when an OTLP collector is
    /// configured, so a single machine pays nothing for spans nobody reads.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.AllowedNetworks.All(n => IPNetwork.TryParse(n, out _)), "Metrics:AllowedNetworks must hold CIDR ranges such as 10.0.0.0/8.")
            .ValidateOnStart();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(StudyHubTelemetry.Name))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore", StudyHubTelemetry.Name + ".*", StudyHubTelemetry.Name)
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(StudyHubTelemetry.Name)
                    .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = http => !IsOperational(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation())
                // Scopes carry the correlation id to the collector, as they do in the JSON console logs.
                .WithLogging(configureBuilder: null, configureOptions: logging =>
                {
                    logging.IncludeScopes = true;
                    logging.IncludeFormattedMessage = true;
                })
                // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* settings.
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// A span per endpoint handler, named after the endpoint, under the HTTP span and above the
    /// database spans, so a trace shows where a request spent its time.
    /// </summary>
    public static IApplicationBuilder UseHandlerSpans(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!StudyHubTelemetry.ActivitySource.HasListeners() || http.GetEndpoint() is not { } endpoint)
            {
                await next(http);
                return;
            }

            using var activity = StudyHubTelemetry.ActivitySource.StartActivity("handler " + (endpoint.DisplayName ?? http.Request.Path.Value));
            await next(http);
        });

    /// <summary>
    /// <c>/metrics</c> reveals traffic and internals, so only the configured networks (loopback by
    /// default: a local Prometheus agent) may read it; others get 404 as if it did not exist.
    /// </summary>
    public static void MapMetrics(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Networks();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use((http, next) =>
        {
            var caller = http.Connection.RemoteIpAddress;
            if (caller is not null && caller.IsIPv4MappedToIPv6)
            {
                caller = caller.MapToIPv4();
            }

            if (caller is null || !networks.Any(network => network.Contains(caller)))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(http);
        }));
        app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
    }

    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health");
}
