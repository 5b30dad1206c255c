using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace StudyHub.Server.Tests.Infrastructure;

/// <summary>
/// A StudyHub host with a database of its own: a fresh SQLite file, or — when
/// <c>STUDYHUB_TEST_POSTGRES</c> holds a server connection string — a fresh PostgreSQL database
/// that is dropped afterwards. The test command runs the suite both ways.
/// </summary>
public sealed class StudyHubFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "STUDYHUB_TEST_POSTGRES";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "studyhub-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresServer = Environment.GetEnvironmentVariable(PostgresVariable);
    private readonly string _postgresDatabase = "studyhub_test_" + Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private StudyHubFactory? _sharedWith;

    /// <summary>The clock every time-based rule of the host reads; tests move it forward.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public static bool UsesPostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>Makes this host a second instance on the other host's database, as in a cluster.</summary>
    public StudyHubFactory SharingDatabaseOf(StudyHubFactory other)
    {
        _sharedWith = other;
        return this;
    }

    /// <summary>Overrides a configuration key before the host starts.</summary>
    public StudyHubFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services before the host starts (e.g. a fake of another module's contract).</summary>
    public StudyHubFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var owner = _sharedWith ?? this;
        var settings = new Dictionary<string, string?>
        {
            ["DataDirectory"] = owner._dataDirectory,
            ["SeedDemoData"] = "false",
        };
        if (_postgresServer is not null)
        {
            if (_sharedWith is null)
            {
                CreatePostgresDatabase();
            }

            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = owner.PostgresConnectionString;
        }

        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // The test client's cookie container drops cookies whose Expires is past by the wall
            // clock, so a cookie dated by the fake clock would vanish once real time passes it.
            // Cookies keep the real clock; sessions behind them still follow the fake one.
            services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(cookie => cookie.TimeProvider = TimeProvider.System);
            services.AddSingleton<IStartupFilter, InMemoryCallersAreLocal>();
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    /// <summary>
    /// Settings also go in as host configuration: Program.cs reads some (the OTLP endpoint) before
    /// the host is built, when app configuration from <see cref="ConfigureWebHost"/> is not applied yet.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    private string PostgresConnectionString =>
        new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;

    private void CreatePostgresDatabase()
    {
        using var connection = new NpgsqlConnection(_postgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{_postgresDatabase}\"";
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (_sharedWith is not null)
        {
            return;
        }

        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresServer);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}

/// <summary>
/// The in-memory test server leaves the caller's address empty; a real Kestrel connection always
/// has one, so tests call as a process on this machine unless they say otherwise.
/// </summary>
internal sealed class InMemoryCallersAreLocal : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(http);
        });
        next(app);
    };
}
