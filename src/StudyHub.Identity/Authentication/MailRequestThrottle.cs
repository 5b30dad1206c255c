using StudyHub.Kernel.Cluster;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Limits the mails anyone can make StudyHub send (password resets, verification links): per
/// recipient address, so nobody floods a mailbox, and per client address, so nobody walks a list.
/// Both count what was typed, never whether an account exists, so a refusal tells nothing. Counted
/// by <see cref="IRateCounter"/>: in Redis when configured, so a cluster shares the budget.
/// </summary>
internal sealed class MailRequestThrottle(IOptions<AuthOptions> options, IRateCounter attempts)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async ValueTask CountAsync(string normalizedEmail, string? clientAddress, CancellationToken cancellationToken)
    {
        var count = await attempts.CountAsync("mail:client:" + (clientAddress ?? "unknown"), options.Value.MailRequestsPerClientPerHour, Window, cancellationToken);
        if (count.Allowed)
        {
            count = await attempts.CountAsync("mail:email:" + normalizedEmail, options.Value.MailRequestsPerAddressPerHour, Window, cancellationToken);
        }

        if (!count.Allowed)
        {
            throw new TooManyAttemptsException("mail_rate_limited", "Too many emails were asked for. Wait a while and try again.", count.RetryAfter);
        }
    }
}
