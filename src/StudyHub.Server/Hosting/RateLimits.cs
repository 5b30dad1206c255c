using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace StudyHub.Server.Hosting;

/// <summary>The <c>RateLimits</c> section: requests per minute, per signed-in user and per anonymous address.</summary>
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
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var user = http.User.FindFirst("sub")?.Value;
                return user is not null
                    ? FixedWindow("user:" + user, options.PerUserPerMinute)
                    : FixedWindow("ip:" + http.Connection.RemoteIpAddress, options.PerAddressPerMinute);
            });
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

    private static RateLimitPartition<string> FixedWindow(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
