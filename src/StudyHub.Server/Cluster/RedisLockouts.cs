using System.Globalization;
using StackExchange.Redis;
using StudyHub.Kernel.Cluster;

namespace StudyHub.Server.Cluster;

/// <summary>
/// <see cref="ILockouts"/> in Redis: one hash per group (<c>member|n</c> failures in a row,
/// <c>member|until</c> the lockout's end in Unix milliseconds from <see cref="TimeProvider"/>), updated
/// by one atomic script, so failures spread over the instances add up. The hash expires
/// <c>lockFor</c> after the group's last failure, which also bounds every lockout in it. While Redis
/// is out of reach this instance keeps lockouts on its own (<see cref="RedisOutage"/>).
/// </summary>
internal sealed class RedisLockouts(IConnectionMultiplexer redis, RedisSettings settings, TimeProvider clock, InProcessLockouts fallback, RedisOutage outage) : ILockouts
{
    private const string RecordFailureScript = """
        local failures_field = ARGV[1] .. '|n'
        local until_field = ARGV[1] .. '|until'
        local now = tonumber(ARGV[2])
        local locked_until = tonumber(redis.call('HGET', KEYS[1], until_field) or '0')
        if locked_until > 0 and locked_until <= now then
          redis.call('HDEL', KEYS[1], until_field, failures_field)
        end
        local failures = redis.call('HINCRBY', KEYS[1], failures_field, 1)
        local locked = 0
        if failures >= tonumber(ARGV[3]) then
          redis.call('HSET', KEYS[1], until_field, now + tonumber(ARGV[4]), failures_field, 0)
          locked = 1
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return locked
        """;

    public ValueTask<DateTimeOffset?> LockedUntilAsync(string group, string member, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            async () => Until(await redis.GetDatabase().HashGetAsync(Key(group), member + "|until")),
            () => fallback.LockedUntilAsync(group, member, cancellationToken));

    public ValueTask<bool> RecordFailureAsync(string group, string member, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            async () => (long)await redis.GetDatabase().ScriptEvaluateAsync(RecordFailureScript, [Key(group)],
                [member, clock.GetUtcNow().ToUnixTimeMilliseconds(), maxFailures, (long)lockFor.TotalMilliseconds]) == 1,
            () => fallback.RecordFailureAsync(group, member, maxFailures, lockFor, cancellationToken));

    public async ValueTask ForgetAsync(string group, string member, CancellationToken cancellationToken = default)
    {
        await fallback.ForgetAsync(group, member, cancellationToken);
        await OrLocallyAsync(async () => await redis.GetDatabase().HashDeleteAsync(Key(group), [member + "|n", member + "|until"]), () => ValueTask.FromResult(0L));
    }

    public async ValueTask ForgetAllAsync(string group, CancellationToken cancellationToken = default)
    {
        await fallback.ForgetAllAsync(group, cancellationToken);
        await OrLocallyAsync(async () => await redis.GetDatabase().KeyDeleteAsync(Key(group)), () => ValueTask.FromResult(false));
    }

    public ValueTask<IReadOnlyList<LockoutState>> ListAsync(string group, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(() => ListFromRedisAsync(group), () => fallback.ListAsync(group, cancellationToken));

    private async Task<IReadOnlyList<LockoutState>> ListFromRedisAsync(string group)
    {
        var fields = await redis.GetDatabase().HashGetAllAsync(Key(group));
        return fields
            .Select(field => (Name: field.Name.ToString(), field.Value))
            .GroupBy(field => field.Name[..field.Name.LastIndexOf('|')], StringComparer.Ordinal)
            .Select(member => new LockoutState(
                member.Key,
                member.Where(f => f.Name.EndsWith("|n", StringComparison.Ordinal)).Select(f => (int)f.Value).FirstOrDefault(),
                Until(member.Where(f => f.Name.EndsWith("|until", StringComparison.Ordinal)).Select(f => f.Value).FirstOrDefault())))
            .OrderBy(state => state.Member, StringComparer.Ordinal)
            .ToList();
    }

    private DateTimeOffset? Until(RedisValue value) =>
        value.HasValue && long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            && DateTimeOffset.FromUnixTimeMilliseconds(ms) is var until && until > clock.GetUtcNow()
            ? until
            : null;

    private async ValueTask<T> OrLocallyAsync<T>(Func<Task<T>> inRedis, Func<ValueTask<T>> locally)
    {
        try
        {
            return await inRedis();
        }
        catch (RedisException exception) when (RedisOutage.IsOutage(exception))
        {
            outage.Report(exception, "sign-in lockouts are kept per instance");
            return await locally();
        }
    }

    private RedisKey Key(string group) => settings.KeyPrefix + "lockout:" + group;
}
