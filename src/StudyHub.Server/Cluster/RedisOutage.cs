using StackExchange.Redis;

namespace StudyHub.Server.Cluster;

/// <summary>
/// What an instance does while Redis cannot be reached: it keeps serving, counting limits and
/// lockouts in its own memory (as one machine would) instead of failing every request, and says so
/// in the log at most once a minute. Readiness (<see cref="RedisHealthCheck"/>) reports the outage.
/// </summary>
internal sealed class RedisOutage(ILogger<RedisOutage> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);
    private long _lastWarning;

    public static bool IsOutage(Exception exception) => exception is RedisConnectionException or RedisTimeoutException;

    public void Report(Exception exception, string fallingBackTo)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if ((last == 0 || now - last >= WarningInterval.TotalMilliseconds) && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            logger.LogWarning("Redis cannot be reached ({Reason}); {Fallback} until it is back.", exception.Message, fallingBackTo);
        }
    }
}
