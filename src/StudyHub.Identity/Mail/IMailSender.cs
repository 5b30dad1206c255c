using MimeKit;

namespace StudyHub.Identity.Mail;

/// <summary>Delivers one finished message. Throws <see cref="Kernel.Jobs.PermanentJobFailureException"/> when retrying cannot help.</summary>
internal interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
