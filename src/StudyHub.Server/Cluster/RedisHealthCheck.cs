using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace StudyHub.Server.Cluster;

/// <summary>Ready only while Redis answers: without it this instance's limits and revocations would drift from the others'.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"{latency.TotalMilliseconds:0.0} ms");
        }
        catch (RedisException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}
