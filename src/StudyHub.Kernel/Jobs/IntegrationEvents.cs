using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace StudyHub.Kernel.Jobs;

/// <summary>
/// Reacts to an event another module published (e.g. Progress to <c>QuestionAnswered</c>). Every
/// handler of an event runs when its job runs, and again if the job is retried, so handlers must
/// be idempotent (e.g. remember the event ids they applied).
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

public static class IntegrationEvents
{
    /// <summary>The job kind that carries events of type <typeparamref name="TEvent"/>.</summary>
    public static string KindOf<TEvent>() => "event." + typeof(TEvent).Name;

    /// <summary>
    /// Publishes through the outbox: the event is saved by the caller's <c>SaveChangesAsync</c>
    /// together with the data that caused it, and delivered to every registered handler afterwards.
    /// </summary>
    public static Job PublishEvent<TEvent>(this DbContext db, TEvent integrationEvent, TimeProvider clock)
        where TEvent : notnull =>
        db.EnqueueJob(KindOf<TEvent>(), integrationEvent, clock);

    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        services.AddSingleton(new IntegrationEventRegistration(KindOf<TEvent>(), typeof(TEvent)));
        return services;
    }
}

/// <summary>Tells the job runner which event type a job kind carries (one per registered handler; duplicates are fine).</summary>
public sealed record IntegrationEventRegistration(string Kind, Type EventType);
