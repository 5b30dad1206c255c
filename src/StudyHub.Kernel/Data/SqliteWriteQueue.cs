using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyHub.Kernel.Data;

/// <summary>
/// Lets one save at a time write to a SQLite file, in arrival order. SQLite has a single writer;
/// without this, concurrent saves (answers, reviews, sign-ins) collide on its lock and each loser
/// retries by sleeping, so throughput collapses and latency jumps under load. Queued here, a save
/// waits only for the saves ahead of it. Saves inside an explicit transaction are not queued: the
/// transaction already holds the lock across several statements, and queueing its inner saves
/// behind others that wait for that lock could stall both.
/// </summary>
internal sealed class SqliteWriteQueue : SaveChangesInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> PerDatabase = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holders = [];

    /// <summary>One queue per database file, shared by every module's context and every host in the process.</summary>
    public static SqliteWriteQueue For(string connectionString) => PerDatabase.GetOrAdd(connectionString, _ => new SqliteWriteQueue());

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Queues(context))
        {
            _turn.Wait();
            Hold(context);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Queues(context))
        {
            await _turn.WaitAsync(cancellationToken);
            Hold(context);
        }

        return result;
    }

    // The context's own events, not the interceptor's hooks, hand the turn on: the context raises
    // SavedChanges or SaveChangesFailed on every way out of a save, including a concurrency
    // conflict, which skips the interceptor's failure hook and would otherwise keep the turn forever.
    private void Hold(DbContext context)
    {
        _holders.AddOrUpdate(context, this);
        context.SavedChanges += OnSaved;
        context.SaveChangesFailed += OnFailed;
    }

    private void OnSaved(object? sender, SavedChangesEventArgs e) => Release(sender as DbContext);

    private void OnFailed(object? sender, SaveChangesFailedEventArgs e) => Release(sender as DbContext);

    private static bool Queues(DbContext context) => context.Database.CurrentTransaction is null;

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.Remove(context))
        {
            context.SavedChanges -= OnSaved;
            context.SaveChangesFailed -= OnFailed;
            _turn.Release();
        }
    }
}
