using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using StudyHub.Kernel.Jobs;

namespace StudyHub.Identity.Mail;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message (mails are rare).</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            // A 5xx reply (no such mailbox, message refused) is the server's final word: retrying
            // sends the same message to the same answer, so the job goes to the dead letters.
            throw new PermanentJobFailureException($"The mail server refused the message ({(int)refused.StatusCode} {refused.ErrorCode}): {refused.Message}");
        }
        catch (AuthenticationException wrongCredentials)
        {
            // Wrong Mail:Smtp credentials: retried (an administrator may fix them), reported clearly.
            throw new InvalidOperationException($"The mail server did not accept Mail:Smtp:UserName/Password: {wrongCredentials.Message}", wrongCredentials);
        }
    }
}
