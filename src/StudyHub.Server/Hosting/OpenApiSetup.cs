using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace StudyHub.Server.Hosting;

internal static class OpenApiSetup
{
    public const string ApiDocsPath = "/api/docs";

    // Scalar's muted text and HTTP-method colours fall below WCAG AA contrast (4.5:1) on its own
    // backgrounds (axe: color-contrast); these keep its palette, darker in light mode, lighter in dark.
    private const string AccessibleColors = """
        .light-mode { --scalar-color-2: #3b3b3b !important; --scalar-color-3: #575757 !important;
          --scalar-color-green: #06702d !important; --scalar-color-blue: #0b57c2 !important;
          --scalar-color-orange: #9a4700 !important; --scalar-color-red: #b4231b !important;
          --scalar-color-purple: #6d3ca8 !important; --scalar-color-yellow: #735800 !important; }
        .dark-mode { --scalar-color-2: #d0d0d0 !important; --scalar-color-3: #b0b0b0 !important;
          --scalar-color-green: #4ed47c !important; --scalar-color-blue: #7fb2ff !important;
          --scalar-color-orange: #ffab5e !important; --scalar-color-red: #ff8a80 !important;
          --scalar-color-purple: #c9a2ff !important; --scalar-color-yellow: #f2d05e !important; }
        """;

    public static WebApplicationBuilder AddStudyHubOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "StudyHub API",
                Version = "v1",
                Description = "Accounts, classrooms, consent and the math engine. Errors are RFC 9457 problem details with a stable `code`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/v1/auth/login (15 minutes).",
            };
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static void MapStudyHubOpenApi(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path == ApiDocsPath + "/", branch => branch.Use(DeclareLanguageAsync));
        app.MapOpenApi("/openapi/{documentName}.json").DisableRateLimiting();
        // Scalar's script ships inside the package and is served from here; everything that would
        // call out (fonts CDN, telemetry, hosted client, AI agent, MCP) is off, and a fresh nonce per
        // request lets its one inline bootstrap script run under our Content-Security-Policy.
        app.MapScalarApiReference(ApiDocsPath, options => options
            .WithTitle("StudyHub API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .HideClientButton()
            .HideDeveloperTools()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .WithNonce()
            .WithCustomCss(AccessibleColors))
            .DisableRateLimiting();
    }

    /// <summary>
    /// Scalar's page template has no <c>lang</c> on its root element, so screen readers guess the
    /// language (axe: html-has-lang, serious). The page is under 1 KB; it is rewritten in memory.
    /// </summary>
    private static async Task DeclareLanguageAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
        {
            var html = System.Text.Encoding.UTF8.GetString(body);
            body = System.Text.Encoding.UTF8.GetBytes(html.Replace("<html>", "<html lang=\"en\">", StringComparison.Ordinal));
        }

        http.Response.ContentLength = body.Length;
        await original.WriteAsync(body, http.RequestAborted);
    }
}
