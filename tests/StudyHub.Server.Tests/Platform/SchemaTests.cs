using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StudyHub.Kernel.Data;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

/// <summary>
/// Migrations are written by hand, so this proves them: for every module, migrating an empty
/// database must give exactly the schema the model describes (as EF would create it directly),
/// on whichever provider the suite runs against (SQLite, and PostgreSQL in the second run).
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Migrating_an_empty_database_gives_exactly_the_models_schema()
    {
        using var factory = new StudyHubFactory();
        _ = factory.Server; // starting the host applies every module's migrations
        var modules = factory.Services.GetServices<IModuleDatabase>().ToList();
        Assert.NotEmpty(modules);
        var migrated = factory.Services.GetRequiredService<ResolvedConnectionString>().Value;

        await using var modelDatabase = await ScratchDatabase.CreateAsync();
        foreach (var module in modules)
        {
            await using var context = CreateContext(module.ContextType, modelDatabase.ConnectionString);
            await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        }

        var expected = await DescribeAsync(modelDatabase.ConnectionString);
        var actual = await DescribeAsync(migrated);

        Assert.True(expected.Count > 20, "the model should describe a real schema");
        Assert.Equal(expected.Except(actual).Order(), Array.Empty<string>());   // in the model, missing from the migrations
        Assert.Equal(actual.Except(expected).Order(), Array.Empty<string>());   // made by the migrations, not in the model
    }

    private static DbContext CreateContext(Type contextType, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        DatabaseRegistration.Configure(builder, Provider, connectionString, "__schema_test_history");
        return (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
    }

    private static DatabaseProvider Provider => StudyHubFactory.UsesPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>One line per table column, index, key and foreign key, migration history tables and full-text indexes left out.</summary>
    private static async Task<HashSet<string>> DescribeAsync(string connectionString)
    {
        await using DbConnection connection = StudyHubFactory.UsesPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var facts = new HashSet<string>(StringComparer.Ordinal);
        var queries = StudyHubFactory.UsesPostgres ? PostgresQueries : SqliteQueries;
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                var fact = string.Join(" | ", fields);
                // "fts" objects are the provider-specific full-text indexes (FTS5 tables, tsvector
                // columns) that only migrations make: no provider-neutral model can describe them.
                if (!fact.Contains("__", StringComparison.Ordinal) && !fact.Contains("fts", StringComparison.Ordinal))
                {
                    facts.Add(fact);
                }
            }
        }

        return facts;
    }

    private static readonly string[] SqliteQueries =
    [
        "SELECT 'column', m.name, c.name, c.type, c.\"notnull\", c.pk, c.dflt_value FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        "SELECT 'index', m.name, i.name, i.\"unique\", i.origin, group_concat(ii.name, ',') FROM sqlite_master m, pragma_index_list(m.name) i, pragma_index_info(i.name) ii WHERE m.type = 'table' GROUP BY m.name, i.name",
        "SELECT 'foreign key', m.name, f.\"table\", f.\"from\", f.\"to\", f.on_delete FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'",
    ];

    private static readonly string[] PostgresQueries =
    [
        "SELECT 'column', table_name, column_name, data_type, is_nullable, character_maximum_length, column_default FROM information_schema.columns WHERE table_schema = 'public'",
        "SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
        "SELECT 'constraint', rel.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace WHERE n.nspname = 'public'",
    ];

    /// <summary>An empty database of the suite's provider, removed afterwards.</summary>
    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string? _postgresName;
        private readonly string? _sqliteFile;

        private ScratchDatabase(string connectionString, string? postgresName, string? sqliteFile)
        {
            ConnectionString = connectionString;
            _postgresName = postgresName;
            _sqliteFile = sqliteFile;
        }

        public string ConnectionString { get; }

        public static async Task<ScratchDatabase> CreateAsync()
        {
            if (!StudyHubFactory.UsesPostgres)
            {
                var file = Path.Combine(Path.GetTempPath(), $"studyhub-schema-{Guid.NewGuid():N}.db");
                return new ScratchDatabase($"Data Source={file};Pooling=False", null, file);
            }

            var server = Environment.GetEnvironmentVariable(StudyHubFactory.PostgresVariable)!;
            var name = "studyhub_schema_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                await command.ExecuteNonQueryAsync();
            }

            return new ScratchDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString, name, null);
        }

        public async ValueTask DisposeAsync()
        {
            if (_sqliteFile is not null)
            {
                File.Delete(_sqliteFile);
                return;
            }

            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(StudyHubFactory.PostgresVariable));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}
