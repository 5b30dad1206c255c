using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using StudyHub.Identity;
using StudyHub.Identity.Features;
using StudyHub.Kernel.Errors;

namespace StudyHub.Server.Hosting;

/// <summary>Command-line verbs and the plain-text start-up banner.</summary>
internal static class StartupCommands
{
    /// <summary>
    /// <c>create-admin --email E --password P --name N</c>: migrates, creates the administrator, exits.
    /// Returns the exit code, or null when the arguments are not a command.
    /// </summary>
    public static async Task<int?> RunCommandAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin")
        {
            return null;
        }

        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        try
        {
            var id = await IdentityModule.CreateAdministratorAsync(app.Services, Option("--email"), Option("--password"), Option("--name"), CancellationToken.None);
            Console.WriteLine($"Administrator {Option("--email")} created (id {id}).");
            return 0;
        }
        catch (ValidationFailedException invalid)
        {
            await Console.Error.WriteLineAsync("Cannot create the administrator: " + string.Join("; ", invalid.Errors.Select(e => $"--{(e.Key == "displayName" ? "name" : e.Key)} {string.Join(" ", e.Value)}")));
            return 1;
        }
        catch (StudyHubException failed)
        {
            await Console.Error.WriteLineAsync("Cannot create the administrator: " + failed.Message);
            return 1;
        }
    }

    /// <summary>Seeds demo data when asked, and prints where StudyHub listens and how to sign in.</summary>
    public static void PrintBannerWhenStarted(WebApplication app)
    {
        var host = app.Services.GetRequiredService<IOptions<StudyHubHostOptions>>().Value;
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            IReadOnlyList<DemoAccount> demo = [];
            try
            {
                demo = host.SeedDemoData ? await IdentityModule.SeedDemoDataAsync(app.Services, app.Lifetime.ApplicationStopping) : [];
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                app.Logger.LogError(exception, "Seeding the demo data failed");
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var lines = new List<string> { string.Empty, "StudyHub is ready." };
            lines.AddRange(addresses.Select(a => $"  Open {a}"));
            lines.Add($"  Data directory: {Path.GetFullPath(host.DataDirectory)}");
            if (demo.Count > 0)
            {
                lines.Add("  Demo accounts (password for all: " + demo[0].Password + "):");
                lines.AddRange(demo.Select(d => $"    {d.Role,-8} {d.Email,-28} {d.Note}"));
            }

            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        }));
    }
}
