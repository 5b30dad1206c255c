using System.Text.RegularExpressions;

namespace StudyHub.Server.Hosting;

/// <summary>
/// <c>X-Correlation-Id</c> in and out: a caller's well-formed id is kept, anything else replaced, so
/// one id follows a request through logs, audit entries and problem details.
/// </summary>
internal static partial class CorrelationId
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "StudyHub.CorrelationId";

    public static string Get(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : http.TraceIdentifier;

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("StudyHub.Requests");
        return app.Use(async (http, next) =>
        {
            string? incoming = http.Request.Headers[Header];
            var id = incoming is not null && WellFormed().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString("N");
            http.Items[ItemKey] = id;
            http.TraceIdentifier = id;
            http.Response.Headers[Header] = id;
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            {
                await next(http);
            }
        });
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex WellFormed();
}
