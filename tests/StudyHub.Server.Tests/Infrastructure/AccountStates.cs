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
}
