using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyHub.Kernel.Data;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection: deleted and overwritten content
/// is zeroed in the file instead of lingering in free space, so an erased person's email and name
/// do not survive an erasure (GDPR). The setting is per connection and not stored in the file,
/// hence once per open; it costs microseconds and no I/O.
/// </summary>
internal sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
