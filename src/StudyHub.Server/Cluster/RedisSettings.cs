namespace StudyHub.Server.Cluster;

/// <summary>
/// The <c>Redis</c> section. Without <c>Redis:Connection</c> every counter and cache lives in this
/// process (one machine); with it, rate limits, revocations and SignalR messages are shared by all
/// instances through that Redis.
/// </summary>
internal sealed class RedisSettings
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...,ssl=true</c>.</summary>
    public string? Connection { get; set; }

    /// <summary>Put before every key and channel, so several StudyHub deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "studyhub:";

    public static RedisSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<RedisSettings>() ?? new RedisSettings();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Connection);
}
