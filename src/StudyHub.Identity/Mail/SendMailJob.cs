using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using MimeKit;
using StudyHub.Kernel.Jobs;

namespace StudyHub.Identity.Mail;

/// <summary>
/// Sends one queued mail. Failures are retried with the runner's backoff; a refusal the server
/// means (5xx) or a message that cannot be opened dead-letters at once. The Message-Id comes from
/// the job, so a retry after a lost acknowledgement carries the same id (mail systems drop the
/// duplicate) and the pickup folder overwrites the same file.
/// </summary>
internal sealed class SendMailJob(IMailSender sender, IDataProtectionProvider protection, IOptions<MailOptions> options, TimeProvider clock) : IJobHandler
{
    public string Kind => Mailbox.JobKind;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<SendMailPayload>();
        OutgoingMail? mail;
        try
        {
            mail = JsonSerializer.Deserialize<OutgoingMail>(protection.CreateProtector(Mailbox.ProtectionPurpose).Unprotect(payload.SealedMail), JobQueue.PayloadJson);
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or JsonException)
        {
            throw new PermanentJobFailureException($"The queued mail cannot be opened (the Data Protection key ring changed?): {unreadable.Message}");
        }

        if (mail is null)
        {
            throw new PermanentJobFailureException("The queued mail is empty.");
        }

        var message = new MimeMessage
        {
            MessageId = $"{job.JobId:N}@studyhub",
            Subject = mail.Subject,
            Date = clock.GetUtcNow(),
            Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(options.Value.Smtp.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        await sender.SendAsync(message, cancellationToken);
    }
}
