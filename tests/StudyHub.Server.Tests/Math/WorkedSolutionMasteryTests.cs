using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;
using StudyHub.Server.Tests.Practice;
using StudyHub.Server.Tests.Progress;

namespace StudyHub.Server.Tests.Math;

/// <summary>
/// "Show the worked solution" on the math help page is recorded as a hint for mastery (issue #11):
/// the problem's skill gets a not-known first attempt, once per problem.
/// </summary>
public sealed class WorkedSolutionMasteryTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Seeing_the_worked_solution_reaches_mastery_as_a_hinted_attempt_once_per_problem()
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var student = await _factory.RegisterAndSignInAsync("student");
        using var api = _factory.CreateClientFor(student);
        using var web = await _factory.SignInOnTheWebAsync(student);

        // Still trying: checking without asking for the solution records nothing.
        await ApiClient.EnsureSuccessAsync(await api.PostAsJsonAsync("/api/v1/math/check", new { problem = "2x+3=11", answer = "x = 7" }));
        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.LearningEvents.CountAsync(e => e.StudentId == student.Id)));

        // Asked for the solution on the page, then again over the API with other spacing: one problem.
        var page = await web.PageAsync("/math?problem=" + Uri.EscapeDataString("2x+3=11") + "&solution=1");
        Assert.Contains("Subtract 3", page, StringComparison.Ordinal);
        var shown = await (await api.PostAsJsonAsync("/api/v1/math/check", new { problem = "2x + 3 = 11", answer = "x = 7", showSolution = true })).JsonAsync();
        Assert.Equal("x = 4", shown.GetProperty("solution").GetProperty("answer").GetString());
        var skill = Assert.Single((await DeliveredAsync(api, student)).Skills);
        Assert.Equal(("math.linear-equations", 1, 0.0), (skill.SkillId, skill.Answered, skill.Accuracy));
        // One wrong first attempt from the default prior 0.25: 0.025 / (0.025 + 0.75·0.8) = 0.04, then learning 0.04 + 0.96·0.15.
        Assert.Equal(0.184, skill.Mastery, 4);
    }

    [Fact]
    public async Task A_teacher_seeing_a_solution_records_nothing()
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var api = _factory.CreateClientFor(teacher);

        await ApiClient.EnsureSuccessAsync(await api.PostAsJsonAsync("/api/v1/math/check", new { problem = "2x+3=11", answer = "4", showSolution = true }));

        var recorded = await PracticeHost.WithDbAsync(_factory, db => db.LearningEvents.CountAsync(e => e.StudentId == teacher.Id));
        Assert.Equal(0, recorded);
    }

    /// <summary>The student's progress once the outbox has delivered (the host's own job workers may hold the job for a moment).</summary>
    private async Task<ProgressApiTests.StudentProgress> DeliveredAsync(HttpClient client, TestAccount student)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            await _factory.Runner().RunDueJobsAsync();
            var progress = (await client.GetFromJsonAsync<ProgressApiTests.StudentProgress>($"/api/v1/students/{student.Id}/progress"))!;
            if (progress.Skills.Count > 0 || DateTime.UtcNow > deadline)
            {
                return progress;
            }

            await Task.Delay(50);
        }
    }
}
