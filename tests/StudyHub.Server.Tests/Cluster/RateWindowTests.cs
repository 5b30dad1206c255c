using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using StudyHub.Kernel.Cluster;
using StudyHub.Server.Cluster;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Cluster;

public sealed class FixedWindowTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Windows_are_aligned_to_the_epoch_so_every_instance_computes_the_same_one()
    {
        var start = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

        var first = FixedWindow.Of(start, Minute);
        var lastMoment = FixedWindow.Of(start.AddSeconds(59.5), Minute);
        var next = FixedWindow.Of(start.AddMinutes(1), Minute);

        Assert.Equal(start.ToUnixTimeSeconds() / 60, first.Index);
        Assert.Equal(Minute, first.Remaining);
        Assert.Equal(first.Index, lastMoment.Index);
        Assert.Equal(TimeSpan.FromMilliseconds(500), lastMoment.Remaining);
        Assert.Equal(first.Index + 1, next.Index);
        // The same instant in another offset is the same window.
        Assert.Equal(first, FixedWindow.Of(start.ToOffset(TimeSpan.FromHours(-5)), Minute));
    }

    [Fact]
    public void An_hour_window_counts_from_the_top_of_the_hour()
    {
        var window = FixedWindow.Of(new DateTimeOffset(2026, 11, 24, 9, 45, 0, TimeSpan.Zero), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromMinutes(15), window.Remaining);
    }
}

public sealed class InProcessRateCounterTests
{
    [Fact]
    public async Task A_window_opens_at_the_first_attempt_and_refuses_past_the_limit_until_it_ends()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 20, TimeSpan.Zero));
        var counter = new InProcessRateCounter(clock);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.True((await counter.CountAsync("k", 3, TimeSpan.FromMinutes(1))).Allowed);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var refused = await counter.CountAsync("k", 3, TimeSpan.FromMinutes(1));
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.True((await counter.CountAsync("other", 3, TimeSpan.FromMinutes(1))).Allowed);

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await counter.CountAsync("k", 3, TimeSpan.FromMinutes(1))).Allowed);
    }
}

public sealed class RedisRateCounterTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly ConnectionMultiplexer _first = ConnectionMultiplexer.Connect(redis.Address);
    private readonly ConnectionMultiplexer _second = ConnectionMultiplexer.Connect(redis.Address);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 45, TimeSpan.Zero));

    [Fact]
    public async Task Two_instances_spend_one_budget_exactly()
    {
        var settings = new RedisSettings { KeyPrefix = RedisServer.NewKeyPrefix() };
        IRateCounter[] instances = [Counter(_first, settings), Counter(_second, settings)];

        var answers = new List<RateCount>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            answers.Add(await instances[attempt % 2].CountAsync("sign-in:someone", 5, TimeSpan.FromMinutes(1)));
        }

        Assert.Equal([true, true, true, true, true, false, false, false], answers.Select(a => a.Allowed));
        Assert.All(answers, a => Assert.Equal(TimeSpan.FromSeconds(15), a.RetryAfter));
    }

    [Fact]
    public async Task The_next_window_starts_a_fresh_budget_and_old_counters_expire()
    {
        var settings = new RedisSettings { KeyPrefix = RedisServer.NewKeyPrefix() };
        var counter = Counter(_first, settings);
        Assert.True((await counter.CountAsync("k", 1, TimeSpan.FromMinutes(1))).Allowed);
        Assert.False((await counter.CountAsync("k", 1, TimeSpan.FromMinutes(1))).Allowed);

        var keys = _first.GetServer(_first.GetEndPoints()[0]).Keys(pattern: settings.KeyPrefix + "*").ToList();
        var ttl = await _first.GetDatabase().KeyTimeToLiveAsync(Assert.Single(keys));
        // 15 s left in the window plus a 5 s margin for clocks that lag.
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(18), TimeSpan.FromSeconds(20));

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.True((await counter.CountAsync("k", 1, TimeSpan.FromMinutes(1))).Allowed);
    }

    [Fact]
    public async Task Deployments_with_different_prefixes_do_not_share_counters()
    {
        var one = Counter(_first, new RedisSettings { KeyPrefix = RedisServer.NewKeyPrefix() });
        var other = Counter(_first, new RedisSettings { KeyPrefix = RedisServer.NewKeyPrefix() });

        Assert.True((await one.CountAsync("k", 1, TimeSpan.FromMinutes(1))).Allowed);
        Assert.True((await other.CountAsync("k", 1, TimeSpan.FromMinutes(1))).Allowed);
    }

    [Fact]
    public async Task While_Redis_is_down_an_instance_counts_on_its_own_instead_of_failing()
    {
        await using var own = await RedisServer.StartPrivateAsync();
        var options = ConfigurationOptions.Parse(own.Address);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var counter = Counter(connection, new RedisSettings { KeyPrefix = RedisServer.NewKeyPrefix() });
        Assert.True((await counter.CountAsync("k", 2, TimeSpan.FromMinutes(1))).Allowed);

        await own.DisposeAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (connection.IsConnected && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        watch.Restart();
        var answers = new List<bool>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            answers.Add((await counter.CountAsync("k", 2, TimeSpan.FromMinutes(1))).Allowed);
        }

        // The local count starts from nothing, and answers come at once rather than after a timeout.
        Assert.Equal([true, true, false], answers);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    private RedisRateCounter Counter(IConnectionMultiplexer connection, RedisSettings settings) =>
        new(connection, settings, _clock, new InProcessRateCounter(_clock), new RedisOutage(Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisOutage>.Instance));

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
