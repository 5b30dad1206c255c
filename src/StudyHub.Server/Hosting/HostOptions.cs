using System.ComponentModel.DataAnnotations;

namespace StudyHub.Server.Hosting;

/// <summary>What this process runs (<c>--Role</c>): everything, only the web front, or only background workers.</summary>
internal enum HostRole
{
    /// <summary>Web UI, API and job workers in one process (one machine).</summary>
    All,

    /// <summary>Web UI and API; jobs are enqueued here and run by worker processes.</summary>
    Web,

    /// <summary>Job workers plus health and metrics endpoints, for scaling background work separately.</summary>
    Worker,
}

/// <summary>Top-level settings: <c>DataDirectory</c>, <c>Role</c> and <c>SeedDemoData</c>.</summary>
internal sealed class StudyHubHostOptions
{
    /// <summary>Where the SQLite file and local files live. Relative paths are relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public HostRole Role { get; set; } = HostRole.All;

    /// <summary>Seed the demo accounts and classroom on start when the database is empty.</summary>
    public bool SeedDemoData { get; set; }
}

internal static class HostRoles
{
    // Read from the built host: settings added by tests (or by later configuration sources) are final only then.
    public static HostRole Of(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StudyHubHostOptions>>().Value.Role;
}
