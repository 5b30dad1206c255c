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
using StudyHub.Server.Tests.Progress;

namespace StudyHub.Server.Tests.Platform;

/// <summary>A student's homework and progress are in their export and gone after erasure, originals included.</summary>
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

    private static async Task<T> WithContentAsync<T>(StudyHubFactory factory, Func<ContentDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ContentDbContext>());
    }
}
