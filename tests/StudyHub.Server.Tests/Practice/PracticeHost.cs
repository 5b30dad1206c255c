using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Jobs;
using StudyHub.Practice.Data;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Homework visible to its owner only: stands in for the Content module's answer until it lands on main.</summary>
internal sealed class FakeHomework : IHomeworkQueries
{
    public Dictionary<Guid, HomeworkView> Items { get; } = [];

    /// <summary>A ready math worksheet of <paramref name="ownerId"/>; a problem with an answer gets the instruction "Solve".</summary>
    public Guid Add(Guid ownerId, params (string Text, string? Answer)[] problems)
    {
        var id = Guid.NewGuid();
        Items[id] = new HomeworkView(id, ownerId, "Worksheet", "math", true,
            [.. problems.Select((p, i) => new HomeworkProblemView(Guid.NewGuid(), 1, $"{i + 1}.", p.Text, p.Answer is null ? null : "Solve", "math", null, p.Answer, null))],
            []);
        return id;
    }

    public Task<HomeworkView?> FindVisibleAsync(Guid homeworkId, Guid viewerId, CancellationToken cancellationToken) =>
        Task.FromResult(Items.TryGetValue(homeworkId, out var view) && view.OwnerId == viewerId ? view : null);
}

/// <summary>A host for practice tests, with helpers to peek at what the server keeps secret (answer keys).</summary>
internal static class PracticeHost
{
    public static StudyHubFactory Create(FakeHomework? homework = null) =>
        new StudyHubFactory().WithServices(services =>
        {
            services.RemoveAll<IHomeworkQueries>();
            services.AddSingleton<IHomeworkQueries>(homework ?? new FakeHomework());
        });

    /// <summary>
    /// The shared jobs (outbox) table is migrated by the jobs runner's module; until that module is
    /// on this branch, tests create the table from the Kernel's one mapping so published events land.
    /// </summary>
    public static async Task EnsureJobsTableAsync(StudyHubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var practice = scope.ServiceProvider.GetRequiredService<PracticeDbContext>();
        try
        {
            _ = await practice.Set<Job>().CountAsync();
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The table is missing: create it below.
        }

        var options = new DbContextOptionsBuilder<JobsTableContext>();
        DatabaseRegistration.Configure(options, StudyHubFactory.UsesPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
            scope.ServiceProvider.GetRequiredService<ResolvedConnectionString>().Value, "__test_jobs_table");
        await using var jobs = new JobsTableContext(options.Options);
        await jobs.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }

    /// <summary>A fresh access token after the test clock moved past the old one's lifetime.</summary>
    public static async Task<HttpClient> SignInAgainAsync(StudyHubFactory factory, TestAccount account)
    {
        using var anonymous = factory.CreateClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = account.Password })).JsonAsync();
        return factory.CreateClientFor(account with { AccessToken = login.GetProperty("accessToken").GetString()! });
    }

    public static async Task<T> WithDbAsync<T>(StudyHubFactory factory, Func<PracticeDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PracticeDbContext>());
    }

    public static Task<string> AnswerKeyAsync(StudyHubFactory factory, Guid questionId) =>
        WithDbAsync(factory, db => db.Questions.Where(q => q.Id == questionId).Select(q => q.AnswerKey).SingleAsync());

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        await ApiClient.EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Plays a whole session of the game, answering everything right; the session's score.</summary>
    public static async Task<int> PlayWholeGameAsync(StudyHubFactory factory, HttpClient client, Guid gameId)
    {
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId })).JsonAsync();
        var sessionId = session.GetProperty("id").GetGuid();
        var score = 0;
        while (true)
        {
            var next = await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
            if (next.GetProperty("question").ValueKind == JsonValueKind.Null)
            {
                return score;
            }

            var questionId = next.GetProperty("question").GetProperty("id").GetGuid();
            var key = await AnswerKeyAsync(factory, questionId);
            var response = next.GetProperty("question").GetProperty("type").GetString() is "match" or "order"
                ? await client.AnswerWithAsync(sessionId, questionId, JsonDocument.Parse(key).RootElement.Clone())
                : await client.AnswerAsync(sessionId, questionId, key);
            var result = await response.JsonAsync();
            score = result.GetProperty("sessionScore").GetInt32();
        }
    }

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, Guid sessionId, Guid questionId, string answer, string? key = null) =>
        client.AnswerWithAsync(sessionId, questionId, answer, key);

    /// <summary>An answer of any JSON shape: a pairing or list of pairs (match), a list of ids (order), or something forged.</summary>
    public static Task<HttpResponseMessage> AnswerWithAsync(this HttpClient client, Guid sessionId, Guid questionId, object answer, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/game-sessions/{sessionId}/answers")
        {
            Content = JsonContent.Create(new { questionId, answer }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    private sealed class JobsTableContext(DbContextOptions<JobsTableContext> options) : DbContext(options)
    {
        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
            configurationBuilder.ApplyStudyHubConventions();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Job>(job => JobQueue.ConfigureJob(job, excludeFromMigrations: false));
    }
}
