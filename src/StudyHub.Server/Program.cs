using StudyHub.Content;
using StudyHub.Identity;
using StudyHub.Jobs;
using StudyHub.Progress;
using StudyHub.Practice;
using StudyHub.Server.Cluster;
using StudyHub.Server.Hosting;
using StudyHub.Server.Modules;
using StudyHub.Storage;

try
{
    var builder = WebApplication.CreateBuilder(args);
    if (await BackupCommands.RunAsync(builder.Configuration, args) is { } backupExitCode)
    {
        return backupExitCode;
    }

    builder.Services.AddOptions<StudyHubHostOptions>()
        .Bind(builder.Configuration)
        .ValidateDataAnnotations()
        .ValidateOnStart();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
        builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 256 * 1024);

    builder.AddJsonLogs();
    builder.AddProblemDetailsMapping();
    builder.AddJsonConventions();
    builder.AddHealth();
    builder.AddTelemetry();
    builder.AddCoordination();
    builder.AddRateLimits();
    builder.AddStudyHubOpenApi();
    builder.AddStudyHubDatabase();
    builder.AddIdentityModule();
    builder.AddContentModule();
    builder.AddProgressModule();
    builder.AddPracticeModule();
    builder.AddJobsModule(runWorkers: services => HostRoles.Of(services) != HostRole.Web);
    builder.AddFileStorage();
    builder.AddWebUi();
    builder.AddSecurityHeaders();
    builder.AddMathEngine();

    var app = builder.Build();

    app.ConnectCoordination();
    await app.MigrateDatabasesAsync();
    if (await StartupCommands.RunCommandAsync(app, args) is { } exitCode)
    {
        return exitCode;
    }

    StartupCommands.PrintBannerWhenStarted(app);

    app.UseCorrelationId();
    app.UseSecurityHeaders();
    app.UseErrorResponses();
    app.UseAuthentication();
    app.UseRateLimiter();
    app.UseAuthorization();
    app.UseHandlerSpans();
    app.UseAntiforgery();

    app.MapHealth();
    app.MapMetrics();
    if (HostRoles.Of(app.Services) != HostRole.Worker)
    {
        app.MapStudyHubOpenApi();
        app.MapIdentityEndpoints();
        app.MapContentEndpoints();
        app.MapProgressEndpoints();
        app.MapPracticeEndpoints();
        app.MapJobsEndpoints();
        app.MapFileDownloads();
        app.MapMathEndpoints();
        app.MapWebUi();
    }

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupError.Describe(exception) is { } message)
{
    await Console.Error.WriteLineAsync(message);
    return 1;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
