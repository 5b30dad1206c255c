using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyHub.Kernel.Data;

/// <summary>
/// A write of one request, committed together with other requests' writes (a group commit,
/// ADR 0006). The write runs on a fresh <typeparamref name="TContext"/> inside a transaction: it
/// may read, run conditional updates and stage changes; the group commit saves and commits them.
/// It must use only the context and services it is given (never the request's), may run again
/// when a commit has to be retried, and throws to abandon itself without touching the others.
/// </summary>
public interface IGroupCommit<TContext>
    where TContext : DbContext
{
    /// <summary>
    /// Commits <paramref name="write"/> and returns its result once it is durable (as durable as a
    /// commit is: ADR 0005). When <paramref name="cancellationToken"/> fires before the write's turn
    /// it is dropped; once its turn has come it is committed (or fails) whether or not anyone waits.
    /// </summary>
    Task<T> CommitAsync<T>(Func<TContext, IServiceProvider, CancellationToken, Task<T>> write, CancellationToken cancellationToken);
}

/// <summary>
/// SQLite has one writer and a commit costs more than the statements before it, so a single loop
/// takes every write waiting, runs each in its own savepoint of one transaction (a failing write
/// rolls back to its savepoint and the others go on) and commits once. Nothing in the loop waits
/// on a request: a request that goes away only stops waiting for its result. On PostgreSQL, which
/// runs writers in parallel and groups their log flushes by itself, each write commits alone.
/// </summary>
internal sealed partial class GroupCommit<TContext>(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<GroupCommit<TContext>> logger)
    : IGroupCommit<TContext>, IHostedService, IAsyncDisposable
    where TContext : DbContext
{
    /// <summary>Most writes in one transaction: bounds how long the last of a batch waits for the first.</summary>
    public const int MaxBatch = 64;

    private const string Savepoint = "group_commit_write";

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly bool _grouped = options.Value.Provider == DatabaseProvider.Sqlite;
    private readonly Lock _start = new();
    private Task? _loop;

    public async Task<T> CommitAsync<T>(Func<TContext, IServiceProvider, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_grouped)
        {
            EnsureStarted();
            var pending = new PendingWrite<T>(write, cancellationToken);
            if (_queue.Writer.TryWrite(pending))
            {
                return await pending.Result.WaitAsync(cancellationToken);
            }

            // Shutting down: the loop takes no more writes; this one commits on its own.
        }

        return await CommitAloneAsync(write, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_grouped)
        {
            EnsureStarted();
        }

        return Task.CompletedTask;
    }

    /// <summary>Takes no more writes, and finishes the ones already queued before the host stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop;
        }
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_start)
        {
            _loop ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                if (pending.RequestAborted.IsCancellationRequested)
                {
                    pending.Drop(); // its caller left before its turn: nobody will read the result
                    continue;
                }

                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch);
            }
        }
    }

    /// <summary>Commits a batch; never throws, and settles every write of it.</summary>
    private async Task CommitBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            db.Database.AutoSavepointsEnabled = false; // one savepoint per write, ours
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var pending in batch)
            {
                await transaction.CreateSavepointAsync(Savepoint);
                try
                {
                    await pending.RunAsync(db, scope.ServiceProvider);
                    await db.SaveChangesAsync();
                    await transaction.ReleaseSavepointAsync(Savepoint);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    pending.Failed(exception);
                    await transaction.RollbackToSavepointAsync(Savepoint);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The transaction itself failed (busy for too long, disk full, a rollback that could not
            // happen): nothing of the batch was saved. Each write that had not failed on its own is
            // tried alone, so neither a bad write nor a bad moment takes the others down with it.
            LogBatchFailed(batch.Count, exception);
            foreach (var pending in batch.Where(p => !p.HasFailed))
            {
                try
                {
                    await pending.RunAloneAsync(this);
                }
                catch (Exception alone) when (alone is not OutOfMemoryException)
                {
                    pending.Failed(alone);
                }
            }
        }

        foreach (var pending in batch)
        {
            pending.Settle();
        }
    }

    private async Task<T> CommitAloneAsync<T>(Func<TContext, IServiceProvider, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await write(db, scope.ServiceProvider, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} writes failed; committing them one by one")]
    private partial void LogBatchFailed(int count, Exception exception);

    /// <summary>A queued write and the caller waiting for it.</summary>
    private abstract class PendingWrite(CancellationToken requestAborted)
    {
        public CancellationToken RequestAborted => requestAborted;

        public bool HasFailed => Error is not null;

        protected Exception? Error { get; private set; }

        public abstract Task RunAsync(TContext db, IServiceProvider services);

        public abstract Task RunAloneAsync(GroupCommit<TContext> commits);

        public void Failed(Exception exception) => Error = exception;

        /// <summary>Hands the caller its result, or the write's own exception.</summary>
        public abstract void Settle();

        public abstract void Drop();
    }

    private sealed class PendingWrite<T>(Func<TContext, IServiceProvider, CancellationToken, Task<T>> write, CancellationToken requestAborted)
        : PendingWrite(requestAborted)
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _done.Task;

        public override async Task RunAsync(TContext db, IServiceProvider services) =>
            _value = await write(db, services, CancellationToken.None);

        public override async Task RunAloneAsync(GroupCommit<TContext> commits) =>
            _value = await commits.CommitAloneAsync(write, CancellationToken.None);

        public override void Settle()
        {
            if (Error is { } error)
            {
                _done.TrySetException(error);
            }
            else
            {
                _done.TrySetResult(_value!);
            }
        }

        public override void Drop() => _done.TrySetCanceled(RequestAborted);
    }
}
