using StudyHub.Identity;
using StudyHub.Server.Components;

namespace StudyHub.Server.Hosting;

internal static class WebUi
{
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static void MapWebUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddAdditionalAssemblies(typeof(IdentityModule).Assembly, typeof(StudyHub.Jobs.JobsModule).Assembly, typeof(StudyHub.Content.ContentModule).Assembly, typeof(StudyHub.Practice.PracticeModule).Assembly, typeof(StudyHub.Progress.ProgressModule).Assembly);
    }
}
