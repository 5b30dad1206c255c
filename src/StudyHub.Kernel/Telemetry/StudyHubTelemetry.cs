using System.Diagnostics;

namespace StudyHub.Kernel.Telemetry;

/// <summary>
/// The names every module uses for its own traces and meters, so the host exports them without
/// knowing each module: start spans from <see cref="ActivitySource"/> and create meters through
/// <c>IMeterFactory</c> with a name starting with <see cref="Name"/>.
/// </summary>
public static class StudyHubTelemetry
{
    public const string Name = "StudyHub";

    /// <summary>Spans for handlers, jobs and anything else worth timing inside a request or job.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);
}
