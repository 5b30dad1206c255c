using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Data;
using StudyHub.Kernel.Homework;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Server.Tests.Content;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;
using StudyHub.Server.Tests.Practice;

namespace StudyHub.Server.Tests.Progress;

/// <summary>Badges (Practice) and uploads (Content) reach the learning-event log through the outbox, once each, and leave as xAPI statements.</summary>
public sealed class LearningEventLogTests
{
    private const string PublicUrl = "https://school.example.org";

    [Fact]
    public async Task A_badge_earned_in_a_game_is_handled_not_dead_lettered_and_becomes_an_earned_statement_once()
    {
        using var factory = PracticeHost.Create().With("Xapi:PublicUrl", PublicUrl);
        var student = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClientFor(student);
        var (sessionId, _) = await XapiStatementTests.PlayWithHintAndSlowAnswerAsync(factory, client);
        await factory.SettleJobsAsync(IntegrationEvents.KindOf<BadgeAwarded>());

        var jobs = await BadgeJobsAsync(factory);
        Assert.NotEmpty(jobs);
        Assert.All(jobs, j => Assert.True(j.State == JobState.Succeeded, $"badge job {j.State} after {j.Attempts} attempts: {j.LastError}"));

        var statements = await StatementsAsync(client);
        Assert.Equal(2, statements.Count(s => Verb(s) == "http://id.tincanapi.com/verb/earned")); // first game, perfect game
        var earned = Assert.Single(statements, s => s.GetProperty("object").GetProperty("id").GetString()!.EndsWith("/badges/first-game", StringComparison.Ordinal));
        Assert.Equal("http://id.tincanapi.com/verb/earned", Verb(earned));
        Assert.Equal($"{PublicUrl}/xapi/activities/badges/first-game", earned.GetProperty("object").GetProperty("id").GetString());
        Assert.Equal("http://activitystrea.ms/schema/1.0/badge", earned.GetProperty("object").GetProperty("definition").GetProperty("type").GetString());
        Assert.Equal("First game", earned.GetProperty("object").GetProperty("definition").GetProperty("name").GetProperty("en-US").GetString());
        Assert.Equal(student.Id.ToString(), earned.GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
        Assert.Equal("earned", earned.GetProperty("verb").GetProperty("display").GetProperty("en-US").GetString());

        // Earned as the game was completed: the statement follows the answers in time order.
        var completed = statements.Single(s => Verb(s) == "http://adlnet.gov/expapi/verbs/completed");
        Assert.Equal($"{PublicUrl}/xapi/activities/sessions/{sessionId}", completed.GetProperty("object").GetProperty("id").GetString());
        Assert.True(earned.GetProperty("timestamp").GetDateTime() >= statements[0].GetProperty("timestamp").GetDateTime());

        // Delivered again (a retry after a crash, a second worker): still one statement.
        var award = new BadgeAwarded(earned.GetProperty("id").GetGuid(), student.Id, "first-game", "First game", earned.GetProperty("timestamp").GetDateTime().ToUniversalTime());
        await Task.WhenAll(ProgressApiTests.DeliverAsync(factory, award), ProgressApiTests.DeliverAsync(factory, award));
        Assert.Equal(2, (await StatementsAsync(client)).Count(s => Verb(s) == "http://id.tincanapi.com/verb/earned"));

        // One row in the log, however often it was delivered.
        await using var scope = factory.Services.CreateAsyncScope();
        var progress = scope.ServiceProvider.GetRequiredService<ProgressDbContext>();
        Assert.Equal(2, await progress.Activities.CountAsync(a => a.StudentId == student.Id));
    }

    [Fact]
    public async Task An_upload_is_published_by_content_and_becomes_an_attached_statement_seen_by_the_student_only()
    {
        using var factory = new StudyHubFactory().With("Xapi:PublicUrl", PublicUrl);
        var student = await factory.RegisterAndSignInAsync("student");
        var other = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClientFor(student);
        using var otherClient = factory.CreateClientFor(other);
        var homework = await client.UploadTextAsync("2x + 3 = 11", title: "Tuesday's equations");
        await factory.SettleJobsAsync(IntegrationEvents.KindOf<HomeworkUploaded>());

        var attached = Assert.Single(await StatementsAsync(client), s => Verb(s) == "http://activitystrea.ms/schema/1.0/attach");
        Assert.Equal($"{PublicUrl}/xapi/activities/homework/{homework.Id}", attached.GetProperty("object").GetProperty("id").GetString());
        Assert.Equal("http://activitystrea.ms/schema/1.0/file", attached.GetProperty("object").GetProperty("definition").GetProperty("type").GetString());
        Assert.Equal("attached", attached.GetProperty("verb").GetProperty("display").GetProperty("en-US").GetString());
        // The title may be personal: it stays out of the statement.
        Assert.DoesNotContain("Tuesday", attached.GetRawText(), StringComparison.Ordinal);

        Assert.DoesNotContain(await StatementsAsync(otherClient), s => Verb(s) == "http://activitystrea.ms/schema/1.0/attach");
        var denied = await otherClient.GetAsync(new Uri($"/api/v1/xapi/statements?student={student.Id}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, denied.StatusCode);
    }

    private static async Task<List<Job>> BadgeJobsAsync(StudyHubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var kind = IntegrationEvents.KindOf<BadgeAwarded>();
        return await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.AsNoTracking().Where(j => j.Kind == kind).ToListAsync();
    }

    private static async Task<List<JsonElement>> StatementsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/xapi/statements")).GetProperty("statements").EnumerateArray()];

    private static string? Verb(JsonElement statement) => statement.GetProperty("verb").GetProperty("id").GetString();
}
