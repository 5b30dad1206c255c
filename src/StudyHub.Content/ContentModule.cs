using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Content.Classification;
using StudyHub.Content.Extraction;
using StudyHub.Content.Skills;
using StudyHub.Kernel.Skills;

namespace StudyHub.Content;

/// <summary>Homework intake: uploads, files, text and photo extraction, problems with answer keys, the skill catalogue, search.</summary>
public static class ContentModule
{
    public static WebApplicationBuilder AddContentModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDocumentReading();

        // Loaded now, not on first use, so a broken catalogue stops start-up with one line.
        var catalog = SkillCatalog.LoadEmbedded();
        services.AddSingleton(catalog);
        services.AddSingleton<ISkillCatalog>(catalog);
        services.AddScoped<ListSkills>();
        services.AddSingleton<BuiltInClassifier>();
        services.AddSingleton<IProblemClassifier>(provider => provider.GetRequiredService<BuiltInClassifier>());
        return builder;
    }

    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Homework");
        ListSkills.Map(api);
        return endpoints;
    }
}
