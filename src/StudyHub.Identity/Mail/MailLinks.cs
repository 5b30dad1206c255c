using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace StudyHub.Identity.Mail;

/// <summary>
/// Absolute links for mails. The base is configured (<c>Mail:PublicUrl</c>) or the server's own
/// first listening address, never the request's Host header: an attacker who asks for a reset
/// with a forged Host would otherwise receive the victim's token at their own site.
/// </summary>
internal sealed class MailLinks(IOptions<MailOptions> options, IServer server)
{
    public Uri To(string pathAndQuery)
    {
        var configured = options.Value.PublicUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => !a.Contains('*', StringComparison.Ordinal) && !a.Contains("+:", StringComparison.Ordinal) && !a.Contains("0.0.0.0", StringComparison.Ordinal))
                ?? "http://localhost:5000";
        return new Uri(new Uri(baseUrl.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/'));
    }
}
