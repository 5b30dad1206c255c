using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using StudyHub.Kernel.Cluster;
using StudyHub.Server.Cluster;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Cluster;

/// <summary>One worked example of the lockout rule, held by the in-process and the Redis store alike.</summary>
public abstract class LockoutsContract
{
    private static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    // Two stores on one state: the two instances of a cluster (the same store twice in process).
    protected abstract (ILockouts First, ILockouts Second) Create();

    [Fact]
    public async Task The_third_failure_in_a_row_locks_the_member_out_for_the_lockout_duration()
    {
        var (first, second) = Create();

        Assert.False(await first.RecordFailureAsync("account", "10.0.0.1", 3, LockFor));
        Assert.False(await second.RecordFailureAsync("account", "10.0.0.1", 3, LockFor));
        Assert.Null(await first.LockedUntilAsync("account", "10.0.0.1"));
        Assert.True(await first.RecordFailureAsync("account", "10.0.0.1", 3, LockFor));

        var until = Clock.GetUtcNow() + LockFor;
        Assert.Equal(until, await second.LockedUntilAsync("account", "10.0.0.1"));
        Assert.Null(await second.LockedUntilAsync("account", "10.0.0.2"));
        Assert.Equal([new LockoutState("10.0.0.1", 0, until)], await second.ListAsync("account"));

        Clock.Advance(LockFor);
        Assert.Null(await first.LockedUntilAsync("account", "10.0.0.1"));
        // After the lockout the count starts again from nothing.
        Assert.False(await second.RecordFailureAsync("account", "10.0.0.1", 3, LockFor));
        Assert.Equal([new LockoutState("10.0.0.1", 1, null)], await first.ListAsync("account"));
    }

    [Fact]
    public async Task A_success_forgets_one_member_and_a_reset_forgets_the_whole_group()
    {
        var (first, second) = Create();
        await first.RecordFailureAsync("account", "10.0.0.1", 3, LockFor);
        await first.RecordFailureAsync("account", "10.0.0.2", 3, LockFor);
        await first.RecordFailureAsync("other", "10.0.0.1", 3, LockFor);

        await second.ForgetAsync("account", "10.0.0.1");
        Assert.Equal([new LockoutState("10.0.0.2", 1, null)], await first.ListAsync("account"));

        await second.ForgetAllAsync("account");
        Assert.Empty(await first.ListAsync("account"));
        Assert.Single(await first.ListAsync("other"));
    }
}

public sealed class InProcessLockoutsTests : LockoutsContract
{
    protected override (ILockouts First, ILockouts Second) Create()
    {
        var store = new InProcessLockouts(Clock);
        return (store, store);
    }

    [Fact]
    public async Task Failures_are_forgotten_a_lockout_duration_after_the_last_one()
    {
        var store = new InProcessLockouts(Clock);
        await store.RecordFailureAsync("account", "10.0.0.1", 2, TimeSpan.FromMinutes(15));

        Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.False(await store.RecordFailureAsync("account", "10.0.0.1", 2, TimeSpan.FromMinutes(15)));
    }
}

public sealed class RedisLockoutsTests(RedisServer redis) : LockoutsContract, IClassFixture<RedisServer>, IDisposable
{
    private readonly ConnectionMultiplexer _first = ConnectionMultiplexer.Connect(redis.Address);
    private readonly ConnectionMultiplexer _second = ConnectionMultiplexer.Connect(redis.Address);

    protected override (ILockouts First, ILockouts Second) Create()
    {
        var settings = new RedisSettings { KeyPrefix = RedisServer.NewKeyPrefix() };
        return (Store(_first, settings), Store(_second, settings));
    }

    [Fact]
    public async Task A_group_expires_a_lockout_duration_after_its_last_failure()
    {
        var settings = new RedisSettings { KeyPrefix = RedisServer.NewKeyPrefix() };
        await Store(_first, settings).RecordFailureAsync("account", "10.0.0.1", 3, TimeSpan.FromMinutes(15));

        var ttl = await _first.GetDatabase().KeyTimeToLiveAsync(settings.KeyPrefix + "lockout:account");

        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    private RedisLockouts Store(IConnectionMultiplexer connection, RedisSettings settings) =>
        new(connection, settings, Clock, new InProcessLockouts(Clock), new RedisOutage(Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisOutage>.Instance));

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
