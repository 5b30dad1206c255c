using StackExchange.Redis;
using StudyHub.Kernel.Cluster;

namespace StudyHub.Server.Cluster;

/// <summary>
/// Chooses where instances coordinate: in this process (no <c>Redis:Connection</c>, one machine,
/// nothing changes) or in Redis (a cluster): shared rate-limit counters, revocation broadcasts, and
/// SignalR's Redis backplane, all over one <see cref="IConnectionMultiplexer"/>.
/// </summary>
internal static class Coordination
{
    public static WebApplicationBuilder AddCoordination(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = RedisSettings.From(builder.Configuration);
        var signalR = services.AddSignalR();
        if (!settings.IsConfigured)
        {
            services.AddInProcessCoordination();
            return builder;
        }

        services.AddSingleton(settings);
        // One multiplexer per process (it is thread-safe and multiplexes every caller on one connection).
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(settings.Connection!);
            options.ClientName ??= "studyhub";
            // While disconnected, commands fail at once (and callers count locally) instead of queueing
            // until a timeout, which would hold every API request for seconds.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<RedisOutage>();
        services.AddSingleton<InProcessRateCounter>();
        services.AddSingleton<InProcessLockouts>();
        services.AddSingleton<IRateCounter, RedisRateCounter>();
        services.AddSingleton<ILockouts, RedisLockouts>();
        services.AddSingleton<IClusterBroadcast, RedisClusterBroadcast>();

        // A message sent to a group or user on one instance reaches connections held by the others.
        signalR.AddStackExchangeRedis(redis => redis.Configuration.ChannelPrefix = RedisChannel.Literal(settings.KeyPrefix + "signalr:"));
        services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
            .Configure<IConnectionMultiplexer>((redis, connection) => redis.ConnectionFactory = _ => Task.FromResult(connection));

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("Redis", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Connects to Redis now when it is configured, so an unreachable server stops the start with one
    /// line (<see cref="StartupError"/>) instead of failing the first request.
    /// </summary>
    public static void ConnectCoordination(this WebApplication app) => app.Services.GetService<IConnectionMultiplexer>();

    public static bool IsShared(IConfiguration configuration) => RedisSettings.From(configuration).IsConfigured;
}
