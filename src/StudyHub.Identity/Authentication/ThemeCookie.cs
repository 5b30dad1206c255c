namespace StudyHub.Identity.Authentication;

/// <summary>
/// The signed-in person's theme (light, dark or system) as a cookie the page shell reads to set
/// <c>data-theme</c> on every page, without a database read per request. Set at sign-in and when saved.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "studyhub.theme";

    public static void Write(HttpContext http, string theme) =>
        http.Response.Cookies.Append(Name, theme, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });

    /// <summary>"light" or "dark" when the person chose one; null follows the device.</summary>
    public static string? Read(HttpContext? http) =>
        http?.Request.Cookies[Name] is "light" or "dark" ? http.Request.Cookies[Name] : null;
}
