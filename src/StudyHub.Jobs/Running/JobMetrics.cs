using System.Diagnostics.Metrics;

namespace StudyHub.Jobs.Running;

/// <summary>The runner's meters (exported by the host as <c>StudyHub.*</c>).</summary>
internal sealed class JobMetrics
{
    public const string MeterName = "StudyHub.Jobs";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;
    private long _queueDepth;

    public JobMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("studyhub.jobs.duration", "s", "How long a job run took, by kind and outcome.");
        _failures = meter.CreateCounter<long>("studyhub.jobs.failures", description: "Failed job runs, by kind and whether the job was dead-lettered.");
        meter.CreateObservableGauge("studyhub.jobs.queue_depth", () => Interlocked.Read(ref _queueDepth), description: "Jobs queued and due, as last counted by this process's runner.");
    }

    public void Ran(string kind, string outcome, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void Failed(string kind, bool deadLettered) =>
        _failures.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("dead_lettered", deadLettered ? "true" : "false"));

    public void QueueDepth(long depth) => Interlocked.Exchange(ref _queueDepth, depth);
}
