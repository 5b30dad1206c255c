using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Progress.Features;

namespace StudyHub.Progress;

/// <summary>Mastery (knowledge tracing), weak spots, recommendations and progress dashboards.</summary>
public static class ProgressModule
{
    public static WebApplicationBuilder AddProgressModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<ProgressDbContext>(ProgressDbContext.MigrationsHistoryTable);
        services.AddIntegrationEventHandler<QuestionAnswered, ApplyAnswerToMastery>();
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
        ExportClassroomProgress.MapWebDownload(endpoints);
        GetGradebook.MapWebDownload(endpoints);
        return endpoints;
    }
}
