using System.Diagnostics;
using MimeKit;

namespace StudyHub.Server.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (tools/smtp-catcher on Debian's python3-aiosmtpd,
/// which scripts/test.sh installs) that keeps every message for the test to read. A missing
/// package fails the test with the reason; it is never skipped.
/// </summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private SmtpCatcher(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public static async Task<SmtpCatcher> StartAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "smtp-catcher", "smtp_catcher.py");
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: the mail tests need Debian's python3 and python3-aiosmtpd (scripts/test.sh installs them).");
        }

        var folder = Path.Combine(Path.GetTempPath(), "studyhub-smtp", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add(folder);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP catcher.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"The SMTP catcher did not start (is python3-aiosmtpd installed? scripts/test.sh installs it): {error}");
        }

        return new SmtpCatcher(process, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture), folder);
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).ToList()
            : [];

    /// <summary>Waits (up to 15 s) for a message to <paramref name="recipient"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string recipient, string subject) => (await WaitForAllAsync(recipient, subject, 1))[^1];

    /// <summary>
    /// Waits (up to 15 s) until at least <paramref name="count"/> such messages have arrived: the
    /// server may answer the sender before it has written the message down.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAllAsync(string recipient, string subject, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = MessagesTo(recipient).Where(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail \"{subject}\" to {recipient} arrived; received: {string.Join(" | ", Messages().Select(m => $"{m.To} {m.Subject}"))}");
            }

            await Task.Delay(50);
        }
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string recipient) =>
        Messages().Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The first link in the plain-text body that starts with <paramref name="prefix"/> (e.g. "http://localhost/reset-password").</summary>
    public static Uri LinkIn(MimeMessage message, string pathPrefix)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The mail has no plain-text part.");
        var link = text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(word => Uri.TryCreate(word, UriKind.Absolute, out var uri) && uri.AbsolutePath == pathPrefix);
        return link is null ? throw new InvalidOperationException($"No {pathPrefix} link in: {text}") : new Uri(link);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close(); // the catcher exits when its input closes
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        finally
        {
            _process.Dispose();
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StudyHub.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (StudyHub.slnx) above " + AppContext.BaseDirectory);
    }
}
