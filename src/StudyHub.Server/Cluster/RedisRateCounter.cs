using StackExchange.Redis;
using StudyHub.Kernel.Cluster;

namespace StudyHub.Server.Cluster;

/// <summary>
/// <see cref="IRateCounter"/> in Redis: one counter per key and window (<see cref="FixedWindow"/>,
/// read from <see cref="TimeProvider"/>), incremented and given its expiry in one atomic script, so
/// every instance spends the same budget and no counter outlives its window. While Redis is out of
/// reach this instance counts on its own (<see cref="RedisOutage"/>).
/// </summary>
internal sealed class RedisRateCounter(IConnectionMultiplexer redis, RedisSettings settings, TimeProvider clock, InProcessRateCounter fallback, RedisOutage outage) : IRateCounter
{
    // INCR and PEXPIRE in one step: a crash between the two cannot leave a counter that never expires.
    private const string IncrementScript = """
        local attempts = redis.call('INCR', KEYS[1])
        if attempts == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return attempts
        """;

    // Keeps a counter a little past its window's end, so an instance whose clock lags slightly still finds it.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(5);

    public async ValueTask<RateCount> CountAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var current = FixedWindow.Of(clock.GetUtcNow(), window);
        var redisKey = new RedisKey($"{settings.KeyPrefix}rate:{key}:{(long)window.TotalSeconds}:{current.Index}");
        var expiry = (long)(current.Remaining + ExpiryMargin).TotalMilliseconds;
        try
        {
            var attempts = (long)await redis.GetDatabase().ScriptEvaluateAsync(IncrementScript, [redisKey], [expiry]);
            return new RateCount(attempts <= limit, current.Remaining);
        }
        catch (RedisException exception) when (RedisOutage.IsOutage(exception))
        {
            outage.Report(exception, "rate limits are counted per instance");
            return await fallback.CountAsync(key, limit, window, cancellationToken);
        }
    }
}
