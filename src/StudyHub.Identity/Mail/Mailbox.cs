using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using StudyHub.Kernel.Jobs;

namespace StudyHub.Identity.Mail;

/// <summary>
/// The outbox for mail: adds a send job to the use case's unit of work, so the mail is committed
/// with the change that caused it (no reset token without its mail, no mail for a rolled-back
/// change) and sent afterwards by the job runner with retries. The message is sealed with Data
/// Protection because it can carry a one-time link: the jobs table never holds a usable token.
/// </summary>
internal sealed class Mailbox(AccountsDbContext db, IDataProtectionProvider protection, IOptions<MailOptions> options, TimeProvider clock)
{
    public const string JobKind = "identity.send-mail";
    public const string ProtectionPurpose = "StudyHub.Identity.Mail.v1";

    public void Enqueue(OutgoingMail mail) => EnqueueInto(db, mail);

    /// <summary>The same, in another module's unit of work (a DbContext that maps the shared jobs table).</summary>
    public void EnqueueInto(Microsoft.EntityFrameworkCore.DbContext unitOfWork, OutgoingMail mail)
    {
        var sealedMail = protection.CreateProtector(ProtectionPurpose).Protect(JsonSerializer.Serialize(mail, JobQueue.PayloadJson));
        unitOfWork.EnqueueJob(JobKind, new SendMailPayload(sealedMail), clock, options.Value.MaxAttempts);
    }
}

internal sealed record SendMailPayload(string SealedMail);
