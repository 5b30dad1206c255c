using System.ComponentModel.DataAnnotations;

namespace StudyHub.Kernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Required for PostgreSQL. For SQLite it defaults to <c>studyhub.db</c> in the data directory.
    /// </summary>
    public string? ConnectionString { get; set; }

    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 100;
}
