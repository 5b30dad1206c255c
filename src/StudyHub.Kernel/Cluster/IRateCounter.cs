namespace StudyHub.Kernel.Cluster;

/// <summary>
/// Counts attempts per key in fixed windows: in this process on one machine, in Redis when
/// <c>Redis:Connection</c> is set, so every instance of a cluster spends one shared budget.
/// </summary>
public interface IRateCounter
{
    /// <summary>Counts one attempt against <paramref name="key"/>; refused once <paramref name="limit"/> attempts were made in the current window.</summary>
    ValueTask<RateCount> CountAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);
}

/// <summary>Whether an attempt fits the budget, and how long until the window ends.</summary>
public readonly record struct RateCount(bool Allowed, TimeSpan RetryAfter);
