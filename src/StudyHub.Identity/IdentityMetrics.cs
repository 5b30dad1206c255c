using System.Diagnostics.Metrics;
using StudyHub.Kernel.Telemetry;

namespace StudyHub.Identity;

/// <summary>
/// Identity's instruments, created through <see cref="IMeterFactory"/> so each host (and each test
/// host) counts only its own sign-ins and the host's exporter picks them up by name.
/// </summary>
internal sealed class IdentityMetrics
{
    private readonly Counter<long> _signInAttempts;

    public IdentityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(StudyHubTelemetry.Name + ".Identity");
        _signInAttempts = meter.CreateCounter<long>("studyhub.sign_in.attempts", description: "Sign-in attempts by outcome.");
    }

    public void SignInAttempt(string outcome) => _signInAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
