using StudyHub.Kernel.Cluster;

namespace StudyHub.Identity.Authentication;

/// <summary>A lockout of one account from one client address.</summary>
internal sealed record SignInLockout(string Address, int Failures, DateTime? LockedUntil);

/// <summary>
/// Limits password guessing without letting anyone lock a known account out from elsewhere.
/// Every rule is keyed by what the request says, never by whether the account exists, so an
/// unknown address is counted exactly like a known one and the answers tell nobody who has an account:
/// <list type="bullet">
/// <item>per client address: <c>SignInAttemptsPerAddressPerMinute</c> attempts a minute (generous: a school behind one address);</item>
/// <item>per account and address: <c>SignInAttemptsPerAccountPerMinute</c> attempts a minute;</item>
/// <item>lockout per account and address: <c>MaxFailedSignIns</c> failures in a row lock that
/// address out of that account for <c>LockoutDuration</c>; the owner signing in from their own
/// device is not affected.</item>
/// </list>
/// Budgets and lockouts are kept by <see cref="IRateCounter"/> and <see cref="ILockouts"/>: in Redis
/// when configured, so every instance of a cluster applies the same ones.
/// </summary>
internal sealed class SignInThrottle(IOptions<AuthOptions> options, IRateCounter attempts, ILockouts lockouts, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public ValueTask CountAddressAsync(string? address, CancellationToken cancellationToken) =>
        CountAsync("ip:" + Address(address), options.Value.SignInAttemptsPerAddressPerMinute, "Too many sign-in attempts from your network. Wait a minute and try again.", cancellationToken);

    public ValueTask CountAccountAsync(string normalizedEmail, string? address, CancellationToken cancellationToken) =>
        CountAsync("account:" + Address(address) + ":" + normalizedEmail, options.Value.SignInAttemptsPerAccountPerMinute, "Too many sign-in attempts for this account. Wait a minute and try again.", cancellationToken);

    /// <summary>Refuses an address that is locked out of this account (known or not).</summary>
    public async ValueTask EnsureNotLockedOutAsync(string normalizedEmail, string? address, CancellationToken cancellationToken)
    {
        if (await lockouts.LockedUntilAsync(Group(normalizedEmail), Address(address), cancellationToken) is { } until)
        {
            throw new TooManyAttemptsException("account_locked", "Too many failed sign-ins. Try again later.", until - clock.GetUtcNow());
        }
    }

    /// <summary>Counts a failed sign-in; true when this failure locked the address out of the account.</summary>
    public ValueTask<bool> RecordFailureAsync(string normalizedEmail, string? address, CancellationToken cancellationToken) =>
        lockouts.RecordFailureAsync(Group(normalizedEmail), Address(address), options.Value.MaxFailedSignIns, options.Value.LockoutDuration, cancellationToken);

    /// <summary>A password reset ends every lockout of the account: the owner proved they hold its mailbox.</summary>
    public ValueTask ClearAccountAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        lockouts.ForgetAllAsync(Group(normalizedEmail), cancellationToken);

    /// <summary>A successful sign-in from an address clears its failures for the account.</summary>
    public ValueTask RecordSuccessAsync(string normalizedEmail, string? address, CancellationToken cancellationToken) =>
        lockouts.ForgetAsync(Group(normalizedEmail), Address(address), cancellationToken);

    /// <summary>The current failures and lockouts of an account, per address (for the person's data export).</summary>
    public async Task<IReadOnlyList<SignInLockout>> LockoutsOfAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        (await lockouts.ListAsync(Group(normalizedEmail), cancellationToken))
            .Select(state => new SignInLockout(state.Member, state.Failures, state.LockedUntil?.UtcDateTime))
            .ToList();

    private static string Group(string normalizedEmail) => "sign-in:" + normalizedEmail;

    private static string Address(string? address) => address ?? "unknown";

    private async ValueTask CountAsync(string key, int limit, string message, CancellationToken cancellationToken)
    {
        var count = await attempts.CountAsync("sign-in:" + key, limit, Window, cancellationToken);
        if (!count.Allowed)
        {
            throw new TooManyAttemptsException("sign_in_rate_limited", message, count.RetryAfter);
        }
    }
}
