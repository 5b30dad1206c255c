using Microsoft.AspNetCore.Antiforgery;
using Scalar.AspNetCore;

namespace StudyHub.Server.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// Pages load scripts, styles and images from this origin only; no inline script, no plugins,
    /// no framing, forms post only here. The icon is an inline SVG data URI.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // HTTPS only, for a year; subdomains are left to the operator (a district's other sites may not be ready).
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>The antiforgery cookie is marked Secure whenever the request came over HTTPS.</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>
    /// Headers every response carries: no MIME sniffing (JSON holding user text stays JSON), no
    /// framing by other sites, no full URLs leaked to other origins, the CSP above, and HSTS over HTTPS.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = http.Request.Path.Equals(MathHelpPath, StringComparison.OrdinalIgnoreCase) ? MathHelpPolicy : ContentSecurityPolicy;
            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            if (http.Request.Path.StartsWithSegments(OpenApiSetup.ApiDocsPath))
            {
                // The nonce exists only once Scalar's endpoint has run, so the policy is set as the response starts.
                http.Response.OnStarting(() =>
                {
                    if (http.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce)
                    {
                        headers.ContentSecurityPolicy = ApiDocsPolicy(nonce);
                    }

                    return Task.CompletedTask;
                });
            }

            return next(http);
        });

    public const string MathHelpPath = "/math";

    /// <summary>
    /// Math help's keyboard (MathLive) lays out its formulas and keys with style attributes in the
    /// markup it builds, which only 'unsafe-inline' styles allow. Styles cannot run code, and
    /// scripts stay self-only, so the relaxation is kept to this one page.
    /// </summary>
    public static readonly string MathHelpPolicy = ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    /// <summary>
    /// The API reference runs its nonce'd bootstrap script, and its Vue components add their own
    /// style elements at run time, which only 'unsafe-inline' styles allow (styles cannot run code).
    /// </summary>
    private static string ApiDocsPolicy(string nonce) =>
        ContentSecurityPolicy
            .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
            .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
}
