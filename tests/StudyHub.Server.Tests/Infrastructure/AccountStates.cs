using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;

namespace StudyHub.Server.Tests.Infrastructure;

/// <summary>Account states a test about something else starts from, set in the database rather than walked through.</summary>
public static class AccountStates
{
    /// <summary>As if the owner had opened the verification link (the link itself is tested end to end in <c>MailFlowTests</c>).</summary>
    public static async Task MarkEmailVerifiedAsync(this StudyHubFactory factory, TestAccount account)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var verifiedAt = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await accounts.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailVerifiedAt, verifiedAt)));
    }

    /// <summary>
    /// A parent links to <paramref name="child"/> and gives consent through the API, as on the family
    /// page; returns the parent's client (the caller disposes it), so a test can withdraw consent the same way.
    /// </summary>
    public static async Task<HttpClient> ParentConsentsAsync(this StudyHubFactory factory, TestAccount child)
    {
        var parent = await factory.RegisterAndSignInAsync("parent");
        await factory.MarkEmailVerifiedAsync(parent);
        using var childClient = factory.CreateClientFor(child);
        var parentClient = factory.CreateClientFor(parent);
        var issued = await childClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null);
        await ApiClient.EnsureSuccessAsync(issued);
        var code = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString();
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code }));
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync($"/api/v1/parents/children/{child.Id}/consent", new { declaresAdult = true }));
        return parentClient;
    }
}
