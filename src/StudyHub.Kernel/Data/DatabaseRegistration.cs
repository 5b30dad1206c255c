using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StudyHub.Kernel.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider. Each module keeps its own
    /// migrations history table so modules migrate independently.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string migrationsHistoryTable)
        where TContext : DbContext
    {
        services.AddDbContextPool<TContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = provider.GetRequiredService<ResolvedConnectionString>().Value;
            Configure(options, database.Provider, connectionString, migrationsHistoryTable);

            // Shared save hooks (e.g. the job runner's wake-up after an enqueue) apply to every module.
            options.AddInterceptors(provider.GetServices<ISaveChangesInterceptor>());
        });
        services.AddSingleton<IModuleDatabase, ModuleDatabase<TContext>>();
        // Ready means every module's database answers; registering here covers new modules too.
        services.AddHealthChecks().AddDbContextCheck<TContext>(typeof(TContext).Name, tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers <see cref="IGroupCommit{TContext}"/> for a module whose requests write often: on
    /// SQLite their writes commit together (ADR 0006); the host drains it when it stops.
    /// </summary>
    public static IServiceCollection AddGroupCommit<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddSingleton<GroupCommit<TContext>>();
        services.AddSingleton<IGroupCommit<TContext>>(provider => provider.GetRequiredService<GroupCommit<TContext>>());
        services.AddHostedService(provider => provider.GetRequiredService<GroupCommit<TContext>>());
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, string migrationsHistoryTable)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable))
                    .AddInterceptors(SqliteConnectionSetup.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        // Migrations are written by hand (no design-time tools), so there is no model snapshot for
        // EF to compare against; a test proves migrations and model agree instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }
}

/// <summary>The connection string after defaults (the SQLite file in the data directory) are applied.</summary>
public sealed record ResolvedConnectionString(string Value);

/// <summary>A module database the host migrates at start (its readiness check is registered with it).</summary>
public interface IModuleDatabase
{
    string Name { get; }

    /// <summary>The module's DbContext type (for the schema test and tooling).</summary>
    Type ContextType { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext> : IModuleDatabase
    where TContext : DbContext
{
    public string Name => typeof(TContext).Name;

    public Type ContextType => typeof(TContext);

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }
}
