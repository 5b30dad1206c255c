namespace StudyHub.Server.Hosting;

internal static class HealthEndpoints
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        // Each module's DbContext check (tag "ready") is added by AddModuleDbContext.
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }))
            .ExcludeFromDescription().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = async (http, report) =>
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString().ToLowerInvariant(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description }),
                });
            },
        }).DisableRateLimiting();
    }
}
