using Mono.Cecil;

namespace StudyHub.Architecture.Tests;

/// <summary>
/// Every event a module publishes through the outbox has a handler registered somewhere: an event
/// nobody handles is retried to the dead-letter list ("No handler for job kind …"), as badges were.
/// Both sides are read from the built assemblies' IL: the type argument of each
/// <c>PublishEvent&lt;T&gt;</c> call, and of each <c>AddIntegrationEventHandler&lt;T, H&gt;</c> call.
/// </summary>
public sealed class IntegrationEventTests
{
    private const string IntegrationEvents = "StudyHub.Kernel.Jobs.IntegrationEvents";

    [Fact]
    public void Every_event_published_through_the_outbox_has_a_registered_handler()
    {
        var published = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var handled = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "StudyHub.*.dll").Where(p => !Path.GetFileName(p).Contains(".Tests", StringComparison.Ordinal)))
        {
            using var module = ModuleDefinition.ReadModule(path);
            foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
            {
                foreach (var call in method.Body.Instructions.Select(i => i.Operand).OfType<GenericInstanceMethod>()
                    .Where(c => c.ElementMethod.DeclaringType.FullName == IntegrationEvents))
                {
                    var eventType = call.GenericArguments[0].FullName;
                    if (call.ElementMethod.Name == "PublishEvent")
                    {
                        if (!published.TryGetValue(eventType, out var where))
                        {
                            published[eventType] = where = new SortedSet<string>(StringComparer.Ordinal);
                        }

                        where.Add($"{module.Assembly.Name.Name}: {method.DeclaringType.FullName}");
                    }
                    else if (call.ElementMethod.Name == "AddIntegrationEventHandler")
                    {
                        handled.Add(eventType);
                    }
                }
            }
        }

        // The scan sees what is known to be there, so an empty result cannot pass for "all handled".
        Assert.Contains("StudyHub.Kernel.Learning.QuestionAnswered", published.Keys);
        Assert.Contains("StudyHub.Kernel.Learning.BadgeAwarded", published.Keys);
        Assert.Contains("StudyHub.Kernel.Learning.QuestionAnswered", handled);
        var unhandled = published.Where(p => !handled.Contains(p.Key)).Select(p => $"{p.Key} (published by {string.Join(", ", p.Value)})").ToList();
        Assert.True(unhandled.Count == 0, "Published through the outbox but handled by no module: " + string.Join("; ", unhandled));
    }
}
