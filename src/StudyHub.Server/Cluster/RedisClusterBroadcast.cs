using StackExchange.Redis;
using StudyHub.Kernel.Cluster;

namespace StudyHub.Server.Cluster;

/// <summary><see cref="IClusterBroadcast"/> over Redis pub/sub: a message reaches every connected instance within milliseconds.</summary>
internal sealed class RedisClusterBroadcast(IConnectionMultiplexer redis, RedisSettings settings, RedisOutage outage, ILogger<RedisClusterBroadcast> logger) : IClusterBroadcast
{
    public void Publish(string channel, string message)
    {
        try
        {
            // Fire and forget: the caller has applied the change locally and saves it; a lost message
            // only means the other instances notice at the end of their short cache windows.
            redis.GetSubscriber().Publish(Channel(channel), message, CommandFlags.FireAndForget);
        }
        catch (RedisException exception) when (RedisOutage.IsOutage(exception))
        {
            outage.Report(exception, "other instances learn of revocations when their cache entries expire");
        }
    }

    public void Subscribe(string channel, Action<string> handler)
    {
        // Not the blocking Subscribe: subscribers are made on a request's path (the first token
        // checked), and a burst of first requests on a cold instance then held every pool thread
        // while the one waiting for Redis's reply could not be resumed: nothing was answered until
        // Redis timed out. The multiplexer records the subscription at once and renews it after
        // every reconnect; until Redis confirms it, the cache window is the fallback as for any lost message.
        _ = redis.GetSubscriber().SubscribeAsync(Channel(channel), (_, message) =>
        {
            try
            {
                handler(message.ToString());
            }
            catch (Exception exception)
            {
                // A handler's fault must not silence the channel for the messages after it.
                logger.LogError(exception, "Handling a message on {Channel} failed.", channel);
            }
        }).ContinueWith(
            subscribing => outage.Report(subscribing.Exception!.GetBaseException(), $"messages on {channel} from other instances are missed"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private RedisChannel Channel(string channel) => RedisChannel.Literal(settings.KeyPrefix + channel);
}
