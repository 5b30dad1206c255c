using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;
using StudyHub.Kernel.Auditing;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class AuditAndClusterTests
{
    [Fact]
    public async Task Security_events_are_written_to_the_audit_log_with_the_correlation_id()
    {
        using var factory = new StudyHubFactory();
        var student = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClient();
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email = student.Email, password = "Not-the-password-1" }) };
        wrong.Headers.Add("X-Correlation-Id", "audit-check-1");
        await client.SendAsync(wrong);
        await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken });
        await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken });

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().AuditEntries
            .Where(e => e.SubjectId == student.Id).OrderBy(e => e.OccurredAt).ToListAsync();

        var events = entries.Select(e => e.EventType).ToList();
        Assert.Contains(AuditEvents.Registered, events);
        Assert.Contains(AuditEvents.SignedIn, events);
        Assert.Contains(AuditEvents.RefreshTokenReused, events);
        var failure = Assert.Single(entries, e => e.EventType == AuditEvents.SignInFailed);
        Assert.Equal("audit-check-1", failure.CorrelationId);
    }

    [Fact]
    public void Instances_on_one_database_share_the_data_protection_key_ring()
    {
        using var first = new StudyHubFactory();
        using var second = new StudyHubFactory().SharingDatabaseOf(first);
        _ = first.Server;
        _ = second.Server;

        var sealedByFirst = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie-test").Protect("hello from instance one");
        var openedBySecond = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie-test").Unprotect(sealedByFirst);

        Assert.Equal("hello from instance one", openedBySecond);

        // Shared through the database, not through a folder both test hosts happen to see.
        using var scope = second.Services.CreateScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<AccountsDbContext>().DataProtectionKeys.ToList());
    }
}
