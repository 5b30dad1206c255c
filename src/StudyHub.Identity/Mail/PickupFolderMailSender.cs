using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace StudyHub.Identity.Mail;

/// <summary>
/// The one-machine default when no SMTP server is configured: each mail is written as an .eml file
/// (opens in any mail program) under the data directory, and logged with its recipient and subject,
/// so the person running StudyHub can still follow a reset or verification link.
/// </summary>
internal sealed class PickupFolderMailSender(IOptions<MailOptions> options, IConfiguration configuration, ILogger<PickupFolderMailSender> logger) : IMailSender
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(configuration["DataDirectory"] ?? "data", options.Value.PickupFolder));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        // Named by the message id (from the job), so a retried job overwrites its own file instead of adding a second.
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(char.IsAsciiLetterOrDigit)) + ".eml";
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        logger.LogInformation("No SMTP server is configured (Mail:Smtp:Host): mail to {Recipient} \"{Subject}\" written to {Path}", message.To.ToString(), message.Subject, path);
    }

    /// <summary>Deletes the written mails addressed to <paramref name="email"/> (an erased account's).</summary>
    public void Forget(string email)
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, "*.eml"))
        {
            var message = MimeMessage.Load(path);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
            {
                File.Delete(path);
            }
        }
    }
}
