using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Files;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

/// <summary>The one-machine backup: SQLite's online backup plus the data directory's files, restored into a fresh directory.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("studyhub-backup-tests-").FullName;

    [Fact]
    public async Task A_backup_taken_while_the_server_runs_restores_into_a_fresh_directory_with_accounts_and_files()
    {
        var original = Path.Combine(_scratch, "original");
        using var running = OnSqlite(original);
        var student = await running.RegisterAndSignInAsync("student");
        var key = FileKeys.New("backup-test", "note.txt");
        await running.Services.GetRequiredService<IFileStore>().PutAsync(key, new MemoryStream("kept safe"u8.ToArray()), "text/plain", CancellationToken.None);
        var archive = Path.Combine(_scratch, "studyhub.tar.gz");

        var backup = await ServerProcess.RunAsync("backup", "--to", archive, "--DataDirectory", original);
        var restored = Path.Combine(_scratch, "restored");
        var restore = await ServerProcess.RunAsync("restore", "--from", archive, "--DataDirectory", restored);

        Assert.Equal(0, backup.ExitCode);
        Assert.StartsWith($"Backup written to {archive} (database and ", backup.Output, StringComparison.Ordinal);
        Assert.Equal(0, restore.ExitCode);
        using var fresh = OnSqlite(restored);
        using var client = fresh.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        await using var file = await fresh.Services.GetRequiredService<IFileStore>().OpenAsync(key, CancellationToken.None);
        Assert.NotNull(file);
        Assert.Equal("kept safe", await new StreamReader(file.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task Restore_never_writes_over_an_existing_data_directory()
    {
        var original = Path.Combine(_scratch, "original");
        using (var running = OnSqlite(original))
        {
            await running.RegisterAndSignInAsync("teacher");
        }

        var archive = Path.Combine(_scratch, "studyhub.tar.gz");
        Assert.Equal(0, (await ServerProcess.RunAsync("backup", "--to", archive, "--DataDirectory", original)).ExitCode);
        var before = File.ReadAllBytes(Path.Combine(original, "studyhub.db"));

        var restore = await ServerProcess.RunAsync("restore", "--from", archive, "--DataDirectory", original);

        Assert.Equal(1, restore.ExitCode);
        Assert.Equal($"Restore error: {original} is not empty. Restore into an empty data directory (pass --DataDirectory DIR), then point StudyHub at it.", Assert.Single(restore.ErrorLines));
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(original, "studyhub.db")));
    }

    [Fact]
    public async Task A_corrupt_archive_fails_with_one_line_and_leaves_nothing_behind()
    {
        var junk = Path.Combine(_scratch, "junk.tar.gz");
        await using (var gzip = new GZipStream(File.Create(junk), CompressionLevel.Fastest))
        {
            gzip.Write("this is not a tar archive at all, just text pretending to be one"u8);
        }

        var target = Path.Combine(_scratch, "target");

        var restore = await ServerProcess.RunAsync("restore", "--from", junk, "--DataDirectory", target);

        Assert.Equal(1, restore.ExitCode);
        Assert.StartsWith($"Restore error: {junk} is not", Assert.Single(restore.ErrorLines), StringComparison.Ordinal);
        Assert.Equal([junk], Directory.EnumerateFileSystemEntries(_scratch));
    }

    [Fact]
    public async Task A_postgres_install_is_pointed_at_pg_dump()
    {
        var backup = await ServerProcess.RunAsync("backup", "--to", Path.Combine(_scratch, "x.tar.gz"),
            "--Database:Provider", "Postgres", "--Database:ConnectionString", "Host=127.0.0.1;Port=1");

        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("pg_dump", Assert.Single(backup.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    // Backups are of the one-machine install, so these hosts use SQLite even when the suite runs on PostgreSQL.
    private static StudyHubFactory OnSqlite(string dataDirectory) =>
        new StudyHubFactory().With("DataDirectory", dataDirectory).With("Database:Provider", "Sqlite").With("Database:ConnectionString", "");
}
