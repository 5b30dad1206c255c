using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Content.Data;
using StudyHub.Content.Storage;
using StudyHub.Progress.Data;
using StudyHub.Server.Tests.Content;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Practice;
using StudyHub.Server.Tests.Progress;

namespace StudyHub.Server.Tests.Platform;

/// <summary>What each module holds about a user is in their export and gone after erasure, originals included.</summary>
public sealed class ModulePersonalDataTests
{
    [Fact]
    public async Task Export_holds_a_students_homework_and_mastery_and_erasure_removes_them_with_the_stored_original()
    {
        using var factory = HomeworkHost.Create();
        var student = await factory.RegisterAndSignInAsync("student");
        var bystander = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClientFor(student);
        var homework = await client.UploadTextAsync("2x + 3 = 11", title: "Tuesday's equations");
        Assert.Null(await factory.RunReadingJobAsync(homework.Id));
        await factory.CreateClientFor(bystander).UploadTextAsync("x + 1 = 2");
        await ProgressApiTests.AnswerAsync(factory, student.Id, "math.linear-equations", Guid.NewGuid(), correct: true);
        await ProgressApiTests.AnswerAsync(factory, bystander.Id, "math.linear-equations", Guid.NewGuid(), correct: true);
        var storedKeys = await WithContentAsync(factory, db => db.Files.Where(f => f.HomeworkId == homework.Id).Select(f => f.StorageKey).ToListAsync());
        var store = factory.Services.GetRequiredService<UploadStore>();
        Assert.All(storedKeys, key => Assert.True(store.Exists(key)));

        var export = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/export");
        var exported = Assert.Single(export.GetProperty("homework").EnumerateArray());
        Assert.Equal("Tuesday's equations", exported.GetProperty("title").GetString());
        Assert.Contains("2x + 3 = 11", exported.GetProperty("problems").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("math.linear-equations", Assert.Single(export.GetProperty("progress").GetProperty("mastery").EnumerateArray()).GetProperty("skillId").GetString());
        Assert.Single(export.GetProperty("progress").GetProperty("questionResults").EnumerateArray());

        var erased = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = ApiClient.DefaultPassword }) });

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(0, await WithContentAsync(factory, db => db.Homework.CountAsync(h => h.OwnerId == student.Id)));
        Assert.NotEmpty(storedKeys);
        Assert.All(storedKeys, key => Assert.False(store.Exists(key)));
        await using var scope = factory.Services.CreateAsyncScope();
        var progress = scope.ServiceProvider.GetRequiredService<ProgressDbContext>();
        Assert.Equal(0, await progress.Masteries.CountAsync(m => m.StudentId == student.Id));
        Assert.Equal(0, await progress.QuestionResults.CountAsync(r => r.StudentId == student.Id));
        // Nobody else's data goes with it.
        Assert.Equal(1, await WithContentAsync(factory, db => db.Homework.CountAsync(h => h.OwnerId == bystander.Id)));
        Assert.Equal(1, await progress.Masteries.CountAsync(m => m.StudentId == bystander.Id));
    }

    [Fact]
    public async Task Export_holds_a_students_play_and_flashcards_and_erasure_removes_them_but_keeps_a_teachers_game_others_played()
    {
        using var factory = PracticeHost.Create();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        var student = await factory.RegisterAndSignInAsync("student");
        var classmate = await factory.RegisterAndSignInAsync("student");
        using var teacherClient = factory.CreateClientFor(teacher);
        var classroom = await (await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Algebra", subject = "Math", grade = "8", timeZone = "UTC" })).JsonAsync();
        using var client = factory.CreateClientFor(student);
        using var classmateClient = factory.CreateClientFor(classmate);
        foreach (var member in new[] { client, classmateClient })
        {
            await ApiClient.EnsureSuccessAsync(await member.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.GetProperty("joinCode").GetString() }));
        }

        var teachersGame = await GameAsync(teacherClient);
        var ownGame = await GameAsync(client);
        Assert.True(await PracticeHost.PlayWholeGameAsync(factory, client, ownGame) > 0);
        await PracticeHost.PlayWholeGameAsync(factory, client, teachersGame);
        await PracticeHost.PlayWholeGameAsync(factory, classmateClient, teachersGame);
        var deck = await client.PostAsJsonAsync("/api/v1/flashcards/decks", new { skillId = "math.linear-equations" });
        Assert.Equal(HttpStatusCode.Created, deck.StatusCode);

        var export = (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/export")).GetProperty("practice");
        Assert.Equal(ownGame, Assert.Single(export.GetProperty("gamesMade").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(2, export.GetProperty("sessions").GetArrayLength());
        Assert.Equal(4, export.GetProperty("answers").GetArrayLength());
        Assert.NotEqual(0, export.GetProperty("learningEvents").GetArrayLength());
        Assert.True(export.GetProperty("player").GetProperty("totalPoints").GetInt32() > 0);
        Assert.NotEqual(0, export.GetProperty("leaderboardEntries").GetArrayLength());
        Assert.NotEqual(0, Assert.Single(export.GetProperty("flashcardDecks").EnumerateArray()).GetProperty("cards").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await EraseAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await EraseAsync(teacherClient)).StatusCode);

        await PracticeHost.WithDbAsync(factory, async db =>
        {
            Assert.False(await db.Sessions.AnyAsync(s => s.StudentId == student.Id));
            Assert.False(await db.LearningEvents.AnyAsync(e => e.StudentId == student.Id));
            Assert.False(await db.IdempotencyRecords.AnyAsync(r => r.StudentId == student.Id));
            Assert.False(await db.Players.AnyAsync(p => p.StudentId == student.Id));
            Assert.False(await db.LeaderboardScores.AnyAsync(s => s.StudentId == student.Id));
            Assert.False(await db.Flashcards.AnyAsync(c => c.StudentId == student.Id));
            Assert.False(await db.Games.AnyAsync(g => g.Id == ownGame));

            // The classmate's play of the teacher's game is theirs: the game and the session stay.
            Assert.True(await db.Games.AnyAsync(g => g.Id == teachersGame));
            Assert.True(await db.Sessions.AnyAsync(s => s.StudentId == classmate.Id && s.GameId == teachersGame));
            Assert.True(await db.Players.AnyAsync(p => p.StudentId == classmate.Id));
            return 0;
        });
    }

    private static async Task<Guid> GameAsync(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync()).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> EraseAsync(HttpClient client) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = ApiClient.DefaultPassword }) });

    private static async Task<T> WithContentAsync<T>(StudyHubFactory factory, Func<ContentDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ContentDbContext>());
    }
}
