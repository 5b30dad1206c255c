using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StudyHub.Jobs.Running;

/// <summary>Wakes every idle worker of this process at once (a job was enqueued or re-queued here).</summary>
internal sealed class JobSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next <see cref="Pulse"/>. Take it BEFORE looking for work, so a job enqueued
    /// between the look and the wait still wakes the worker.
    /// </summary>
    public Task NextPulse => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>
/// Pulses <see cref="JobSignal"/> after a SaveChanges that committed a new or re-queued job, so a
/// job enqueued in this process starts at once instead of at the next poll. Jobs enqueued by other
/// processes are found by polling.
/// </summary>
internal sealed class JobEnqueuedInterceptor(JobSignal signal) : SaveChangesInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetOutsideTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetOutsideTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => SignalCommitted(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SignalCommitted(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context?.Model.FindEntityType(typeof(Job)) is not null && context.ChangeTracker.Entries<Job>().Any(e =>
                e.State == EntityState.Added || (e.State == EntityState.Modified && e.Entity.State == JobState.Queued)))
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    private void Signal(DbContext? context)
    {
        // Inside an explicit transaction the job is not visible until commit: the commit pulses.
        if (context is not null && context.Database.CurrentTransaction is null && _pending.Remove(context))
        {
            signal.Pulse();
        }
    }

    private void SignalCommitted(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            signal.Pulse();
        }
    }

    // A failed save inside a transaction keeps the mark: earlier saves of the same transaction may have enqueued jobs.
    private void ForgetOutsideTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Forget(context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
