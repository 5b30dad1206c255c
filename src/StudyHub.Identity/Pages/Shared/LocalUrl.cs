namespace StudyHub.Identity.Pages.Shared;

internal static class LocalUrl
{
    /// <summary>The return URL when it stays on this site; anything else (an open redirect) becomes the dashboard.</summary>
    public static string OrDashboard(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/dashboard";
}
