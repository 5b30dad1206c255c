namespace StudyHub.Kernel.Cluster;

/// <summary>
/// Tells the other instances of a cluster that something they hold in memory is stale (a revoked
/// session, an erased user). On one machine there is nobody to tell; with <c>Redis:Connection</c>
/// set it is a Redis channel. Delivery is at most once and fast (milliseconds), not durable: what
/// is broadcast must also be in the database, with short cache lifetimes as the fallback.
/// </summary>
public interface IClusterBroadcast
{
    /// <summary>
    /// Sends <paramref name="message"/> to every instance listening on <paramref name="channel"/>. The caller
    /// applies the change here itself first; Redis echoes it back too, so handlers must be idempotent.
    /// </summary>
    void Publish(string channel, string message);

    /// <summary>Calls <paramref name="handler"/> for every message on <paramref name="channel"/>, from any instance.</summary>
    void Subscribe(string channel, Action<string> handler);
}
