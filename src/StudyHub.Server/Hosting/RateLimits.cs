using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Cluster;
using StudyHub.Server.Cluster;

namespace StudyHub.Server.Hosting;

/// <summary>
/// The <c>RateLimits</c> section: requests per minute, per signed-in user and per anonymous address.
/// Counted in this process on one machine, in Redis (shared by every instance) when it is configured.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int PerUserPerMinute { get; set; } = 100;

    /// <summary>Anonymous callers by address; generous because a whole class may sit behind one school address.</summary>
    [Range(1, 1_000_000)]
    public int PerAddressPerMinute { get; set; } = 300;
}

internal static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var shared = Coordination.IsShared(builder.Configuration);
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IRateCounter>((limiter, counter) =>
        {
            if (shared)
            {
                limiter.GlobalLimiter = new SharedRequestLimiter(counter, Partition);
            }
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            if (!shared)
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var (key, permitsPerMinute) = Partition(http);
                    return FixedWindow(key, permitsPerMinute);
                });
            }

            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = System.Math.Max(1, (int)System.Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = "You are sending requests faster than allowed. Wait and try again.",
                    Type = ProblemDetailsMapping.TypeBase + "rate_limited",
                };
                problem.Extensions["code"] = "rate_limited";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
        return builder;
    }

    // A signed-in user has a budget of their own; anonymous callers share one per address.
    private static (string Key, int PermitsPerMinute) Partition(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var user = http.User.FindFirst("sub")?.Value;
        return user is not null
            ? ("user:" + user, options.PerUserPerMinute)
            : ("ip:" + http.Connection.RemoteIpAddress, options.PerAddressPerMinute);
    }

    private static RateLimitPartition<string> FixedWindow(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
