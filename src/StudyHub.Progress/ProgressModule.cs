using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Progress.Features;
using StudyHub.Progress.Xapi;

namespace StudyHub.Progress;

/// <summary>Mastery (knowledge tracing), weak spots, recommendations and progress dashboards.</summary>
public static class ProgressModule
{
    public static WebApplicationBuilder AddProgressModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<ProgressDbContext>(ProgressDbContext.MigrationsHistoryTable);
        services.AddIntegrationEventHandler<QuestionAnswered, ApplyAnswerToMastery>();
        services.AddIntegrationEventHandler<FlashcardReviewed, RememberFlashcardReview>();
        services.AddIntegrationEventHandler<BadgeAwarded, RecordActivity>();
        services.AddIntegrationEventHandler<BadgeRevoked, RecordActivity>();
        services.AddIntegrationEventHandler<StudyHub.Kernel.Homework.HomeworkUploaded, RecordActivity>();
        services.AddScoped<StudyHub.Kernel.Privacy.IPersonalDataContributor, ProgressPersonalData>();
        services.AddJobHandler<RefitSkillParameters>();
        services.AddRecurringJob(RefitSkillParameters.JobKind,
            provider => provider.GetRequiredService<IConfiguration>().GetValue<TimeSpan?>("Progress:RefitInterval") ?? TimeSpan.FromDays(1));
        services.AddScoped<GetStudentProgress>();
        services.AddScoped<GetClassroomProgress>();
        services.AddScoped<ExportClassroomProgress>();
        services.AddScoped<ILearningPath, LearningPath>();
        services.AddScoped<CreateAssignment>();
        services.AddScoped<ListAssignments>();
        services.AddScoped<IWorkDue, WorkDueForStudent>();
        services.AddScoped<GetGradebook>();
        services.AddScoped<DeleteAssignment>();
        services.AddOptions<XapiOptions>().BindConfiguration(XapiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<StatementFeed>();
        services.AddScoped<ExportXapiStatements>();
        services.AddJobHandler<ForwardStatementsToLrs>();
        services.AddHttpClient(ForwardStatementsToLrs.HttpClientName, (provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<XapiOptions>>().Value.Lrs.Timeout);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{XapiOptions.Section}:Lrs:Endpoint"]))
        {
            services.AddRecurringJob(ForwardStatementsToLrs.JobKind, provider => provider.GetRequiredService<IOptions<XapiOptions>>().Value.Lrs.Interval);
        }

        services.AddScoped<GetProgressReport>();
        services.AddJobHandler<SendWeeklyParentSummaries>();
        services.AddRecurringJob(SendWeeklyParentSummaries.JobKind,
            provider => provider.GetRequiredService<IConfiguration>().GetValue<TimeSpan?>("Progress:WeeklySummaryCheckInterval") ?? TimeSpan.FromHours(1));
        return builder;
    }

    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Progress");
        GetStudentProgress.Map(api);
        GetClassroomProgress.Map(api);
        ExportClassroomProgress.Map(api);
        CreateAssignment.Map(api);
        ListAssignments.Map(api);
        GetGradebook.Map(api);
        DeleteAssignment.Map(api);
        ExportXapiStatements.Map(api);
        GetProgressReport.Map(api);
        ExportClassroomProgress.MapWebDownload(endpoints);
        GetGradebook.MapWebDownload(endpoints);
        GetProgressReport.MapWebDownload(endpoints);
        return endpoints;
    }
}
