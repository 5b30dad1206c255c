using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Diagnostics;
using StudyHub.Kernel.Errors;
using StudyHub.Server.Components;

namespace StudyHub.Server.Hosting;

/// <summary>
/// Browsers get an HTML page in the app's look for errors (404, 403, 500…), with the status code
/// kept; API callers (and anything not asking for HTML) keep RFC 9457 problem details.
/// </summary>
/// <remarks>
/// The page is rendered directly rather than by re-executing the request into a routed Blazor
/// page: re-execution replays the original method (a failed POST would post to the error page)
/// and Blazor's endpoint treats a status change during re-execution as a request to re-execute again.
/// </remarks>
internal static class ErrorPages
{
    /// <summary>A page request from a browser: asks for HTML and is not one of the machine endpoints.</summary>
    public static bool WantsHtml(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/files"))
        {
            return false;
        }

        return http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        // The problem-details IExceptionHandler answers API callers; it declines browsers, who get this page.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is StudyHubException known ? known.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = http => WriteAsync(http, http.Response.StatusCode),
        });

        // Bodiless error statuses (404 from routing, 403 from authorization…).
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (WantsHtml(http))
            {
                await WriteAsync(http, http.Response.StatusCode);
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync($"Status code: {http.Response.StatusCode}");
            }
        });
        return app;
    }

    private static async Task WriteAsync(HttpContext http, int status)
    {
        var reference = http.Response.Headers[CorrelationId.Header].FirstOrDefault() ?? http.TraceIdentifier;
        await using var renderer = new HtmlRenderer(http.RequestServices, http.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ErrorDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ErrorDocument.Status)] = status,
                [nameof(ErrorDocument.Reference)] = reference,
            }));
            return output.ToHtmlString();
        });
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html);
    }
}
