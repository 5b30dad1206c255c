using Microsoft.Extensions.Options;
using StudyHub.Kernel.Errors;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Limits the mails anyone can make StudyHub send (password resets, verification links): per
/// recipient address, so nobody floods a mailbox, and per client address, so nobody walks a list.
/// Both count what was typed, never whether an account exists, so a refusal tells nothing.
/// </summary>
internal sealed class MailRequestThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly FixedWindowCounter _attempts = new(clock);

    public void Count(string normalizedEmail, string? clientAddress)
    {
        if (!_attempts.TryCount("client:" + (clientAddress ?? "unknown"), options.Value.MailRequestsPerClientPerHour, Window, out var retryAfter)
            || !_attempts.TryCount("email:" + normalizedEmail, options.Value.MailRequestsPerAddressPerHour, Window, out retryAfter))
        {
            throw new TooManyAttemptsException("mail_rate_limited", "Too many emails were asked for. Wait a while and try again.", retryAfter);
        }
    }
}
