using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StudyHub.Kernel.Data;

namespace StudyHub.Server.Hosting;

/// <summary>
/// <c>backup --to FILE</c> and <c>restore --from FILE</c> for a one-machine install (SQLite and local
/// files). The backup is one .tar.gz: a consistent snapshot of the database taken with SQLite's
/// online backup API (safe while the server runs), every other file of the data directory, and a
/// manifest. Restore only ever writes into an empty data directory and checks the archive fully
/// before it moves anything into place. PostgreSQL installs use pg_dump (README, "Backups").
/// </summary>
internal static class BackupCommands
{
    private const string DatabaseFileName = "studyhub.db";
    private const string ManifestName = "studyhub-backup.json";
    private const int FormatVersion = 1;

    /// <summary>Runs the command when <paramref name="args"/> start with one; null otherwise.</summary>
    public static async Task<int?> RunAsync(IConfiguration configuration, string[] args)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore"))
        {
            return null;
        }

        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var dataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? "data");
        try
        {
            if (args[0] == "backup")
            {
                var target = Option("--to") ?? throw new BackupException("say where to write the backup with --to FILE.tar.gz");
                var summary = await BackUpAsync(configuration, dataDirectory, Path.GetFullPath(target));
                Console.WriteLine($"Backup written to {Path.GetFullPath(target)} ({summary}).");
            }
            else
            {
                var source = Option("--from") ?? throw new BackupException("say which backup to restore with --from FILE.tar.gz");
                var summary = await RestoreAsync(Path.GetFullPath(source), dataDirectory);
                Console.WriteLine($"Restored {Path.GetFullPath(source)} into {dataDirectory} ({summary}).");
            }

            return 0;
        }
        catch (BackupException failed)
        {
            await Console.Error.WriteLineAsync($"{(args[0] == "backup" ? "Backup" : "Restore")} error: {failed.Message}");
            return 1;
        }
    }

    private static async Task<string> BackUpAsync(IConfiguration configuration, string dataDirectory, string target)
    {
        if (Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider) && provider == DatabaseProvider.Postgres)
        {
            throw new BackupException("the database is PostgreSQL: back it up with pg_dump and the file store with its own tools (README, \"Backups\").");
        }

        var database = Path.Combine(dataDirectory, DatabaseFileName);
        if (!File.Exists(database))
        {
            throw new BackupException($"there is no StudyHub database in {dataDirectory} (pass --DataDirectory DIR).");
        }

        var staging = Directory.CreateTempSubdirectory("studyhub-backup-");
        var partial = target + ".partial";
        try
        {
            var snapshot = Path.Combine(staging.FullName, DatabaseFileName);
            await using (var source = new SqliteConnection($"Data Source={database};Mode=ReadWrite;Pooling=False"))
            await using (var copy = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
            {
                await source.OpenAsync();
                await copy.OpenAsync();
                source.BackupDatabase(copy);
            }

            var files = Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories)
                .Where(path => !IsDatabaseFile(dataDirectory, path) && path != target && path != partial)
                .ToList();
            var manifest = new BackupManifest(FormatVersion, TimeProvider.System.GetUtcNow().UtcDateTime, files.Count);

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                await WriteEntryAsync(tar, ManifestName, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest)));
                await tar.WriteEntryAsync(snapshot, DatabaseFileName);
                foreach (var path in files)
                {
                    await tar.WriteEntryAsync(path, Path.GetRelativePath(dataDirectory, path).Replace('\\', '/'));
                }
            }

            // Only a finished archive takes the target name: a crash leaves no half backup behind.
            File.Move(partial, target, overwrite: true);
            return $"database and {files.Count} file{(files.Count == 1 ? "" : "s")}";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new BackupException($"could not write {target}: {exception.Message}");
        }
        finally
        {
            File.Delete(partial);
            staging.Delete(recursive: true);
        }
    }

    private static async Task<string> RestoreAsync(string archive, string dataDirectory)
    {
        if (!File.Exists(archive))
        {
            throw new BackupException($"{archive} does not exist.");
        }

        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new BackupException($"{dataDirectory} is not empty. Restore into an empty data directory (pass --DataDirectory DIR), then point StudyHub at it.");
        }

        // Unpack next to the target so the final moves stay on one file system.
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(dataDirectory)}.restoring-{Guid.NewGuid():N}");
        try
        {
            var manifest = await UnpackAsync(archive, staging);
            await CheckDatabaseAsync(Path.Combine(staging, DatabaseFileName));

            Directory.CreateDirectory(dataDirectory);
            foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
            {
                var destination = Path.Combine(dataDirectory, Path.GetFileName(entry));
                if (Directory.Exists(entry))
                {
                    Directory.Move(entry, destination);
                }
                else
                {
                    File.Move(entry, destination);
                }
            }

            return $"database and {manifest.Files} file{(manifest.Files == 1 ? "" : "s")}, backed up {manifest.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC";
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task<BackupManifest> UnpackAsync(string archive, string staging)
    {
        BackupManifest? manifest = null;
        var files = 0;
        try
        {
            await using var input = File.OpenRead(archive);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory)
                {
                    continue;
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    throw new BackupException($"{archive} holds '{entry.Name}', which is not a plain file; a StudyHub backup never does.");
                }

                if (entry.Name == ManifestName)
                {
                    manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream);
                    continue;
                }

                var destination = Path.GetFullPath(Path.Combine(staging, entry.Name));
                if (!destination.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new BackupException($"{archive} holds '{entry.Name}', which points outside the data directory.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                await entry.ExtractToFileAsync(destination, overwrite: false);
                files++;
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or JsonException or EndOfStreamException
            || exception is IOException && exception is not FileNotFoundException)
        {
            throw new BackupException($"{archive} is not a readable StudyHub backup ({exception.Message.TrimEnd('.')}).");
        }

        if (manifest is null || manifest.FormatVersion != FormatVersion)
        {
            throw new BackupException($"{archive} is not a StudyHub backup (no manifest of format {FormatVersion}).");
        }

        if (!File.Exists(Path.Combine(staging, DatabaseFileName)) || files - 1 != manifest.Files)
        {
            throw new BackupException($"{archive} is incomplete: it should hold the database and {manifest.Files} files.");
        }

        return manifest;
    }

    private static async Task CheckDatabaseAsync(string database)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            if (await command.ExecuteScalarAsync() is not "ok")
            {
                throw new BackupException("the database in the backup fails SQLite's integrity check.");
            }
        }
        catch (SqliteException exception)
        {
            throw new BackupException($"the database in the backup cannot be read ({exception.Message.TrimEnd('.')}).");
        }
    }

    private static bool IsDatabaseFile(string dataDirectory, string path) =>
        Path.GetDirectoryName(path) == dataDirectory && Path.GetFileName(path).StartsWith(DatabaseFileName, StringComparison.Ordinal);

    private static async Task WriteEntryAsync(TarWriter tar, string name, Stream content)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = content };
        await tar.WriteEntryAsync(entry);
    }

    private sealed record BackupManifest(int FormatVersion, DateTime CreatedAtUtc, int Files);

    private sealed class BackupException(string message) : Exception(message);
}
