using StudyHub.Identity;
using StudyHub.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<StudyHubHostOptions>()
    .Bind(builder.Configuration)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);

builder.AddStudyHubDatabase();
builder.AddIdentityModule();

var app = builder.Build();

await app.MigrateDatabasesAsync();

app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
app.MapIdentityEndpoints();

await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
