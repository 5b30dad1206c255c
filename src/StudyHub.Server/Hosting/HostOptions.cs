using System.ComponentModel.DataAnnotations;

namespace StudyHub.Server.Hosting;

/// <summary>Top-level settings: <c>DataDirectory</c> and <c>SeedDemoData</c>.</summary>
internal sealed class StudyHubHostOptions
{
    /// <summary>Where the SQLite file and local files live. Relative paths are relative to the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Seed the demo accounts and classroom on start when the database is empty.</summary>
    public bool SeedDemoData { get; set; }
}
