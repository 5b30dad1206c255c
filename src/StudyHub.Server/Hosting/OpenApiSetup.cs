using Microsoft.OpenApi;

namespace StudyHub.Server.Hosting;

internal static class OpenApiSetup
{
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
        app.MapOpenApi("/openapi/{documentName}.json").DisableRateLimiting();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.SwaggerEndpoint("/openapi/v1.json", "StudyHub API v1");
            options.DocumentTitle = "StudyHub API";
        });
    }
}
