using System.Text;

namespace StudyHub.Identity.Pages.Shared;

internal static class LocalUrl
{
    /// <summary>
    /// The return URL when it stays on this site; anything else (an open redirect) becomes the
    /// dashboard. Non-ASCII and control characters are percent-encoded: a <c>Location</c> header
    /// may only carry ASCII, and <c>/é</c> left raw made the redirect (and the sign-in) fail.
    /// </summary>
    public static string OrDashboard(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? Escape(returnUrl)
            : "/dashboard";

    private static string Escape(string url)
    {
        if (url.All(c => c is > ' ' and < '\u007f'))
        {
            return url;
        }

        var escaped = new StringBuilder(url.Length * 2);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                escaped.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
