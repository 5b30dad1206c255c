namespace StudyHub.Kernel.Users;

/// <summary>
/// COPPA: a student under 13 may sign in before a parent consents, but uploads, AI features and
/// public leaderboards stay closed. Modules offering those call this first.
/// </summary>
public interface IConsentGate
{
    /// <summary>Throws a 403 problem (<c>parental_consent_required</c>) when the caller awaits consent.</summary>
    Task EnsureMayUseRestrictedFeaturesAsync(CancellationToken cancellationToken);
}
