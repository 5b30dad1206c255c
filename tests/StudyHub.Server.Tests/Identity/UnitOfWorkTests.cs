using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;
using StudyHub.Kernel.Auditing;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>A use case saves once: its data and its audit entry commit together or not at all.</summary>
public sealed class UnitOfWorkTests
{
    [Fact]
    public async Task Sign_in_stores_session_refresh_token_and_audit_entry_in_one_save()
    {
        using var factory = new StudyHubFactory();
        var student = await factory.RegisterAndSignInAsync("student");
        string connectionString;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.GetConnectionString()!;
        }

        using var saves = new SaveCounter(connectionString);
        using var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password });
        await ApiClient.EnsureSuccessAsync(login);
        var sessionId = (await login.Content.ReadFromJsonAsync<LoginBody>())!.SessionId;

        // One SaveChanges (one transaction) wrote the session, its refresh token and the audit entry.
        Assert.Equal(1, saves.Count);
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AccountsDbContext>();
        Assert.True(await db.Sessions.AnyAsync(s => s.Id == sessionId && s.UserId == student.Id));
        Assert.Equal(1, await db.RefreshTokens.CountAsync(t => t.SessionId == sessionId));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.SubjectId == student.Id && e.EventType == AuditEvents.SignedIn));
    }

    [Fact]
    public async Task A_refused_sign_in_is_audited_in_one_save_with_the_failed_attempt_count()
    {
        using var factory = new StudyHubFactory();
        var student = await factory.RegisterAndSignInAsync("student");
        string connectionString;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Database.GetConnectionString()!;
        }

        using var saves = new SaveCounter(connectionString);
        using var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = "Not-the-password-1" });

        Assert.Equal(1, saves.Count);
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AccountsDbContext>();
        Assert.Equal(1, (await db.Users.SingleAsync(u => u.Id == student.Id)).FailedSignInCount);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.SubjectId == student.Id && e.EventType == AuditEvents.SignInFailed));
    }

    private sealed record LoginBody(Guid SessionId);

    /// <summary>Counts EF Core saves against one test host's database (other tests run in parallel).</summary>
    private sealed class SaveCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _connectionString;
        private readonly IDisposable _all;
        private readonly ConcurrentBag<IDisposable> _subscriptions = [];
        private int _count;

        public SaveCounter(string connectionString)
        {
            _connectionString = connectionString;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CoreEventId.SaveChangesCompleted.Name
                && value.Value is SaveChangesCompletedEventData { Context: { } context }
                && context.Database.GetConnectionString() == _connectionString)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
