using Microsoft.Extensions.DependencyInjection;

namespace StudyHub.Kernel.Cluster;

public static class ClusterRegistration
{
    /// <summary>The one-machine engines: counters in this process and nobody to broadcast to (the default without Redis).</summary>
    public static IServiceCollection AddInProcessCoordination(this IServiceCollection services)
    {
        services.AddSingleton<IRateCounter, InProcessRateCounter>();
        services.AddSingleton<ILockouts, InProcessLockouts>();
        services.AddSingleton<IClusterBroadcast, NoOtherInstances>();
        return services;
    }
}

/// <summary>One machine: there is no other instance to tell.</summary>
internal sealed class NoOtherInstances : IClusterBroadcast
{
    public void Publish(string channel, string message)
    {
        // Callers apply a change here themselves before broadcasting it.
    }

    public void Subscribe(string channel, Action<string> handler)
    {
        // Nothing will ever arrive.
    }
}
