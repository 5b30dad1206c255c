using Microsoft.Extensions.DependencyInjection;
using StudyHub.Content.Classification;
using StudyHub.Content.Extraction;
using StudyHub.Content.Features;
using StudyHub.Content.Search;
using StudyHub.Content.Skills;
using StudyHub.Content.Storage;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Skills;

namespace StudyHub.Content;

/// <summary>Homework intake: uploads, files, text and photo extraction, problems with answer keys, the skill catalogue, search.</summary>
public static class ContentModule
{
    public static WebApplicationBuilder AddContentModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<ContentDbContext>(ContentDbContext.MigrationsHistoryTable);
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDocumentReading();

        // Loaded now, not on first use, so a broken catalogue stops start-up with one line.
        var catalog = SkillCatalog.LoadEmbedded();
        services.AddSingleton(catalog);
        services.AddSingleton<ISkillCatalog>(catalog);
        services.AddScoped<ListSkills>();
        services.AddScoped<StudyHub.Kernel.Privacy.IPersonalDataContributor, HomeworkPersonalData>();
        services.AddSingleton<BuiltInClassifier>();
        services.AddSingleton<IProblemClassifier>(provider => provider.GetRequiredService<BuiltInClassifier>());
        services.AddSingleton<AnswerKeys>();
        services.AddSingleton<IMathSkills, MathSkills>();

        services.AddSingleton<HomeworkOriginals>();
        services.AddHostedService<LegacyUploadsImport>();
        services.AddSingleton<ContentMetrics>();
        services.AddSingleton<HomeworkProgressNotifier>();
        services.AddScoped<HomeworkAccess>();
        services.AddScoped<UploadHomework>();
        services.AddScoped<GetHomework>();
        services.AddScoped<DownloadHomeworkFile>();
        services.AddScoped<ListHomework>();
        services.AddScoped<UpdateHomework>();
        services.AddScoped<DeleteHomework>();
        services.AddJobHandler<ReadHomework>();
        services.AddScoped<IHomeworkQueries, HomeworkQueries>();
        services.AddScoped<IHomeworkSearch, HomeworkSearch>();
        services.AddScoped<IRecentHomework, RecentHomework>();
        return builder;
    }

    public static IEndpointRouteBuilder MapContentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Homework");
        ListSkills.Map(api);
        UploadHomework.Map(api);
        ListHomework.Map(api);
        GetHomework.Map(api);
        UpdateHomework.Map(api);
        DeleteHomework.Map(api);
        DownloadHomeworkFile.Map(api);
        DownloadHomeworkFile.MapWebDownload(endpoints);
        HomeworkEvents.Map(api, endpoints);
        return endpoints;
    }
}
