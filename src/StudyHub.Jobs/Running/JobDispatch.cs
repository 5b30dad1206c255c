using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace StudyHub.Jobs.Running;

/// <summary>Finds what runs a job: its <see cref="IJobHandler"/>, or every handler of the integration event it carries.</summary>
internal sealed class JobDispatch(IEnumerable<IntegrationEventRegistration> events)
{
    private static readonly MethodInfo DeliverMethod = typeof(JobDispatch).GetMethod(nameof(DeliverAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Dictionary<string, Type> _eventTypes = events.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.First().EventType, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Func<IServiceProvider, string, CancellationToken, Task>> _deliverers = new();

    public async Task RunAsync(IServiceProvider services, JobExecution job, CancellationToken cancellationToken)
    {
        if (_eventTypes.TryGetValue(job.Kind, out var eventType))
        {
            var deliver = _deliverers.GetOrAdd(eventType, type =>
                DeliverMethod.MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, string, CancellationToken, Task>>());
            await deliver(services, job.Payload, cancellationToken);
            return;
        }

        var handler = services.GetServices<IJobHandler>().FirstOrDefault(h => string.Equals(h.Kind, job.Kind, StringComparison.Ordinal))
            // Not permanent: during a rolling deploy an older worker may meet a newer kind; retries let a newer worker take it.
            ?? throw new InvalidOperationException($"No handler for job kind '{job.Kind}' is registered in this process.");
        await handler.HandleAsync(job, cancellationToken);
    }

    private static async Task DeliverAsync<TEvent>(IServiceProvider services, string payload, CancellationToken cancellationToken)
    {
        TEvent integrationEvent;
        try
        {
            integrationEvent = JsonSerializer.Deserialize<TEvent>(payload, JobQueue.PayloadJson)
                ?? throw new PermanentJobFailureException($"The {typeof(TEvent).Name} event is empty.");
        }
        catch (JsonException invalid)
        {
            throw new PermanentJobFailureException($"The {typeof(TEvent).Name} event cannot be read: {invalid.Message}");
        }

        foreach (var handler in services.GetServices<IIntegrationEventHandler<TEvent>>())
        {
            await handler.HandleAsync(integrationEvent, cancellationToken);
        }
    }
}
