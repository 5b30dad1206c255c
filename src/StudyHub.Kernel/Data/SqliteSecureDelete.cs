using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace StudyHub.Kernel.Data;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection: deleted and overwritten content
/// is zeroed in the file instead of lingering in free space, so an erased person's email and name
/// do not survive an erasure (GDPR). The setting belongs to the native connection and is not stored
/// in the file, so it is set once per native connection: the pool hands the same one out again and
/// again, and a pragma on every open would cost a statement per query on the hot path.
/// </summary>
internal sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private const string Pragma = "PRAGMA secure_delete = ON;";

    // Native connections already set; entries go when the pool closes the native connection.
    private readonly ConditionalWeakTable<sqlite3, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NotYetSet(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
            MarkSet(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NotYetSet(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
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
