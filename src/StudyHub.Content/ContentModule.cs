using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StudyHub.Content.Extraction;

namespace StudyHub.Content;

/// <summary>Homework intake: uploads, files, text and photo extraction, problems with answer keys, the skill catalogue, search.</summary>
public static class ContentModule
{
    public static WebApplicationBuilder AddContentModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddDocumentReading();
        return builder;
    }

    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
