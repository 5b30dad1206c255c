using Microsoft.Extensions.DependencyInjection;

namespace StudyHub.Identity.Features;

/// <summary>
/// The COPPA gate other modules call before uploads, AI features (the math engine) and public
/// leaderboards. It runs on every such request, so it reads the cached consent state and opens the
/// accounts database only when the cache has no answer.
/// </summary>
internal sealed class ConsentGate(ConsentStates states, ICurrentUser currentUser, IServiceProvider services, TimeProvider clock) : IConsentGate
{
    public async Task EnsureMayUseRestrictedFeaturesAsync(CancellationToken cancellationToken)
    {
        if (!(await ParentalConsent.CapabilitiesOfAsync(states, currentUser, () => services.GetRequiredService<AccountsDbContext>(), clock, cancellationToken)).Ai)
        {
            throw new ForbiddenException("parental_consent_required", "A parent or guardian must give consent before you can use this. Ask them to link your account and approve it.");
        }
    }
}
