using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace StudyHub.Kernel.Data;

/// <summary>
/// Per-connection SQLite settings, applied once per native connection (the pool hands the same one
/// out again and again; a pragma on every open would cost a statement per query on the hot path):
/// <list type="bullet">
/// <item><c>secure_delete</c>: deleted and overwritten content is zeroed in the file instead of
/// lingering in free space, so an erased person's email and name do not survive an erasure (GDPR).</item>
/// <item><c>busy_timeout</c>: a writer that finds the file locked by another writer waits in SQLite's
/// own short sleeps instead of failing, or sleeping 150 ms per try as the ADO.NET provider does.</item>
/// <item><c>synchronous = NORMAL</c>: with the write-ahead log, a commit no longer waits for the disk
/// (the log is flushed at checkpoints); the file stays consistent after any crash, and a power cut
/// can lose only the last commits (ADR 0005).</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    private const string Pragmas = "PRAGMA secure_delete = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    // Native connections already set; entries go when the pool closes the native connection.
    private readonly ConditionalWeakTable<sqlite3, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NotYetSet(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            MarkSet(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NotYetSet(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkSet(connection);
        }
    }

    // A pooled native connection serves one open connection at a time, so check-then-mark cannot race.
    private bool NotYetSet(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } native } || !_set.TryGetValue(native, out _);

    private void MarkSet(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native })
        {
            _set.AddOrUpdate(native, this);
        }
    }
}
