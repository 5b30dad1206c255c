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

    /// <summary>API JSON: camelCase names (the framework default) and enums as camelCase strings, not numbers.</summary>
    public static WebApplicationBuilder AddJsonConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        return builder;
    }
}
