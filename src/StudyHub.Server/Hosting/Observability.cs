namespace StudyHub.Server.Hosting;

internal static class Observability
{
    /// <summary>One JSON object per log line, with scopes, so every line carries its correlation id.</summary>
    public static WebApplicationBuilder AddJsonLogs(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return builder;
    }
}
