using Microsoft.Extensions.Options;
using StudyHub.Kernel.Data;

namespace StudyHub.Server.Hosting;

internal static class DatabaseSetup
{
    public static WebApplicationBuilder AddStudyHubDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();

        builder.Services.AddSingleton(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var host = provider.GetRequiredService<IOptions<StudyHubHostOptions>>().Value;
            return new ResolvedConnectionString(ResolveConnectionString(database, host));
        });
        return builder;
    }

    private static string ResolveConnectionString(DatabaseOptions database, StudyHubHostOptions host)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        var directory = Path.GetFullPath(host.DataDirectory);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "studyhub.db")};Cache=Private;Pooling=True";
    }

    /// <summary>Applies every module's migrations before the host accepts requests.</summary>
    public static async Task MigrateDatabasesAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await EnableWriteAheadLogAsync(app.Services.GetRequiredService<ResolvedConnectionString>().Value, cancellationToken);
        }

        foreach (var database in app.Services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(app.Services, cancellationToken);
        }
    }

    // WAL lets readers run beside the single writer; the setting is stored in the file, so once is enough.
    private static async Task EnableWriteAheadLogAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
