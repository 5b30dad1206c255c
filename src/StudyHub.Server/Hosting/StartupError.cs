using System.Data.Common;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace StudyHub.Server.Hosting;

/// <summary>
/// Turns a start-up failure an operator can fix (a bad setting, a port in use, a data directory that
/// cannot be written, a database that cannot be reached) into one readable line saying what to do.
/// Anything else keeps its stack trace: it is a bug, not a setting.
/// </summary>
internal static partial class StartupError
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => "Configuration error: " + string.Join(" ", validation.Failures),
        // The binder's message names the key and value ("... at 'Database:Provider' to type ...").
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)
            => "Configuration error: " + message,
        IOException { InnerException: AddressInUseException } bind => PortInUse(bind.Message),
        UnauthorizedAccessException or DirectoryNotFoundException or PathTooLongException
            => $"Start-up error: the data directory cannot be written ({exception.Message.TrimEnd('.')}). Choose a writable folder with --DataDirectory DIR.",
        DbException database when IsUnreachable(database)
            => $"Start-up error: cannot reach the database ({OneLine(database)}). Check Database:ConnectionString and that the server is running.",
        StackExchange.Redis.RedisConnectionException redis
            => $"Start-up error: cannot reach Redis ({FirstSentence(redis.Message)}). Check Redis:Connection and that the server is running, or remove Redis:Connection to run as one machine.",
        AggregateException aggregate => aggregate.InnerExceptions.Select(Describe).FirstOrDefault(m => m is not null),
        _ when exception.InnerException is { } inner => Describe(inner),
        _ => null,
    };

    private static string PortInUse(string message)
    {
        var address = BindAddress().Match(message) is { Success: true } match ? match.Groups["address"].Value : "the address";
        return $"Start-up error: {address} is already in use by another program. Stop it, or start StudyHub on another address with --urls (for example --urls http://127.0.0.1:5001).";
    }

    // Connection refused or timed out, wrong credentials (SQLSTATE class 28), a database that does not
    // exist (3D000), or a SQLite file that cannot be opened (SQLITE_CANTOPEN).
    private static bool IsUnreachable(DbException database) =>
        database.InnerException is SocketException or TimeoutException
        || database.SqlState is { } state && (state.StartsWith("28", StringComparison.Ordinal) || state == "3D000")
        || database is SqliteException { SqliteErrorCode: 14 };

    private static string OneLine(Exception exception)
    {
        var reason = exception.Message.TrimEnd('.');
        if (exception.InnerException is SocketException or TimeoutException)
        {
            reason += ": " + exception.InnerException.Message.TrimEnd('.');
        }

        return reason.ReplaceLineEndings(" ");
    }

    // StackExchange.Redis appends advice about abortConnect, which would only mislead an operator here.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message.TrimEnd('.')).ReplaceLineEndings(" ");
    }

    [GeneratedRegex("Failed to bind to address (?<address>\\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindAddress();
}
