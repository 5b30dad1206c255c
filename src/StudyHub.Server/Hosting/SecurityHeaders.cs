namespace StudyHub.Server.Hosting;

internal static class SecurityHeaders
{
    /// <summary>
    /// Headers every response carries: no MIME sniffing (JSON holding user text stays JSON), no
    /// framing by other sites, and no full URLs leaked to other origins.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Content-Security-Policy"] = "frame-ancestors 'none'";
            return next(http);
        });
}
