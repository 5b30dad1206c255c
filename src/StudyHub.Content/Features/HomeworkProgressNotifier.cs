using System.Collections.Concurrent;
using System.Threading.Channels;

namespace StudyHub.Content.Features;

/// <summary>A homework's reading progress as clients see it.</summary>
public sealed record HomeworkProgress(Guid HomeworkId, string Status, int Progress, string Message, string? FailureCode, string? FailureReason);

/// <summary>
/// In-process fan-out of progress to live listeners (server-sent events, the Blazor page). Only a
/// worker in this process reaches it; listeners also re-read the database now and then, so
/// progress from a worker elsewhere still arrives.
/// </summary>
internal sealed class HomeworkProgressNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<HomeworkProgress>>> _listeners = new();

    public Subscription Subscribe(Guid homeworkId)
    {
        // Only the newest state matters to a listener that falls behind.
        var channel = Channel.CreateBounded<HomeworkProgress>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(homeworkId, _ => new()).TryAdd(id, channel);
        return new Subscription(channel.Reader, () =>
        {
            if (_listeners.TryGetValue(homeworkId, out var listeners))
            {
                listeners.TryRemove(id, out _);
            }
        });
    }

    public void Publish(Homework homework) => Publish(ToProgress(homework));

    public void Publish(HomeworkProgress progress)
    {
        if (_listeners.TryGetValue(progress.HomeworkId, out var listeners))
        {
            foreach (var channel in listeners.Values)
            {
                channel.Writer.TryWrite(progress);
            }
        }
    }

    public static HomeworkProgress ToProgress(Homework homework) =>
        new(homework.Id, StatusName(homework.Status), homework.Progress, homework.ProgressMessage, homework.FailureCode, homework.FailureReason);

    public static string StatusName(HomeworkStatus status) => status switch
    {
        HomeworkStatus.Queued => "queued",
        HomeworkStatus.Reading => "reading",
        HomeworkStatus.FindingProblems => "finding_problems",
        HomeworkStatus.Ready => "ready",
        _ => "failed",
    };

    internal sealed class Subscription(ChannelReader<HomeworkProgress> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<HomeworkProgress> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
