using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class ParentalConsentTests
{
    private static readonly DateOnly ElevenYearsOld = new(2015, 6, 1);

    [Fact]
    public async Task An_under_13_student_waits_for_a_parent_and_consent_opens_restricted_features()
    {
        using var factory = new StudyHubFactory();
        var child = await factory.RegisterAndSignInAsync("student", ElevenYearsOld, displayName: "Leo");
        var parent = await factory.RegisterAndSignInAsync("parent");
        using var childClient = factory.CreateClientFor(child);
        using var parentClient = factory.CreateClientFor(parent);

        var before = await childClient.GetFromJsonAsync<Capabilities>("/api/v1/me/capabilities");
        Assert.Equal(new Capabilities(false, false, false, true), before);

        var code = await (await childClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<LinkCode>();
        var linked = await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code = code!.Code });
        await ApiClient.EnsureSuccessAsync(linked);
        var children = await parentClient.GetFromJsonAsync<List<Child>>("/api/v1/parents/children");
        var leo = Assert.Single(children!);
        Assert.Equal(("Leo", true, false), (leo.DisplayName, leo.Under13, leo.ConsentGranted));

        await factory.MarkEmailVerifiedAsync(parent);
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync($"/api/v1/parents/children/{child.Id}/consent", new { declaresAdult = true }));
        var after = await childClient.GetFromJsonAsync<Capabilities>("/api/v1/me/capabilities");
        Assert.Equal(new Capabilities(true, true, true, false), after);

        await ApiClient.EnsureSuccessAsync(await parentClient.DeleteAsync(new Uri($"/api/v1/parents/children/{child.Id}/consent", UriKind.Relative)));
        var revoked = await childClient.GetFromJsonAsync<Capabilities>("/api/v1/me/capabilities");
        Assert.True(revoked!.AwaitingParentalConsent);
    }

    [Fact]
    public async Task A_student_of_13_or_more_needs_no_consent()
    {
        using var factory = new StudyHubFactory();
        var teen = await factory.RegisterAndSignInAsync("student", new DateOnly(2012, 1, 1));
        using var client = factory.CreateClientFor(teen);

        var capabilities = await client.GetFromJsonAsync<Capabilities>("/api/v1/me/capabilities");

        Assert.Equal(new Capabilities(true, true, true, false), capabilities);
    }

    [Fact]
    public async Task A_link_code_works_once_and_expires_after_seven_days()
    {
        using var factory = new StudyHubFactory();
        var child = await factory.RegisterAndSignInAsync("student", ElevenYearsOld);
        var parent = await factory.RegisterAndSignInAsync("parent");
        var otherParent = await factory.RegisterAndSignInAsync("parent");
        using var childClient = factory.CreateClientFor(child);
        using var parentClient = factory.CreateClientFor(parent);
        using var otherClient = factory.CreateClientFor(otherParent);

        var first = await (await childClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<LinkCode>();
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code = first!.Code }));
        await (await otherClient.PostAsJsonAsync("/api/v1/parents/links", new { code = first.Code })).AssertProblemAsync(HttpStatusCode.NotFound, "link_code_not_found");

        var second = await (await childClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<LinkCode>();
        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var otherRefreshed = await factory.RegisterAndSignInAsync("parent");
        using var lateClient = factory.CreateClientFor(otherRefreshed);
        await (await lateClient.PostAsJsonAsync("/api/v1/parents/links", new { code = second!.Code })).AssertProblemAsync(HttpStatusCode.NotFound, "link_code_not_found");
    }

    internal sealed record Capabilities(bool Uploads, bool Ai, bool PublicLeaderboards, bool AwaitingParentalConsent);

    internal sealed record LinkCode(string Code, DateTime ExpiresAt);

    internal sealed record Child(Guid Id, string DisplayName, bool Under13, bool ConsentGranted);
}
