namespace StudyHub.Kernel.Cluster;

/// <summary>
/// Failures in a row that lock a member of a group out for a while (a client address out of one
/// account): in this process on one machine, in Redis when <c>Redis:Connection</c> is set, so a
/// guesser spreading attempts over the instances of a cluster is locked out just the same.
/// Times come from <see cref="TimeProvider"/>.
/// </summary>
public interface ILockouts
{
    /// <summary>When the member's lockout ends, or null when it is not locked out.</summary>
    ValueTask<DateTimeOffset?> LockedUntilAsync(string group, string member, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failure; the <paramref name="maxFailures"/>-th in a row locks the member out for
    /// <paramref name="lockFor"/> (true when this failure did). Failures are forgotten
    /// <paramref name="lockFor"/> after the last one.
    /// </summary>
    ValueTask<bool> RecordFailureAsync(string group, string member, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken = default);

    /// <summary>Ends the member's failures and lockout (a success).</summary>
    ValueTask ForgetAsync(string group, string member, CancellationToken cancellationToken = default);

    /// <summary>Ends every member's failures and lockouts in the group.</summary>
    ValueTask ForgetAllAsync(string group, CancellationToken cancellationToken = default);

    /// <summary>The group's current failures and lockouts, by member.</summary>
    ValueTask<IReadOnlyList<LockoutState>> ListAsync(string group, CancellationToken cancellationToken = default);
}

/// <summary>A member's failures in a row and, while locked out, until when.</summary>
public sealed record LockoutState(string Member, int Failures, DateTimeOffset? LockedUntil);
