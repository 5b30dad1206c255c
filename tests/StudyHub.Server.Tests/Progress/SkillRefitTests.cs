using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Running;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;
using StudyHub.Progress.Features;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;

namespace StudyHub.Server.Tests.Progress;

/// <summary>The scheduled refit: enqueued by the recurring scheduler, run by the job runner, read from the stored answers.</summary>
public sealed class SkillRefitTests
{
    private const string Skill = "math.linear-equations";

    [Fact]
    public async Task The_nightly_refit_learns_a_skills_parameters_from_its_answers_and_waits_for_new_evidence_before_refitting()
    {
        using var host = new StudyHubFactory().With("Role", "Web");
        var truth = new BktParameters(Prior: 0.45, Learn: 0.2, Guess: 0.12, Slip: 0.05);
        await AddSimulatedAnswersAsync(host, truth, students: 800, answersEach: 10, seed: 7);
        await AddSimulatedAnswersAsync(host, truth, students: 10, answersEach: 10, seed: 8, skill: "math.fractions"); // too little evidence

        await host.Services.GetRequiredService<RecurringJobScheduler>().EnqueueDueAsync();
        await host.Runner().RunDueJobsAsync();

        var fitted = await StoredAsync(host);
        var only = Assert.Single(fitted);
        Assert.Equal(Skill, only.SkillId);
        Assert.Equal(8000, only.AnswerCount);
        Assert.InRange(only.Prior, truth.Prior - 0.07, truth.Prior + 0.07);
        Assert.InRange(only.Learn, truth.Learn - 0.07, truth.Learn + 0.07);
        Assert.InRange(only.Guess, truth.Guess - 0.07, truth.Guess + 0.07);
        Assert.InRange(only.Slip, truth.Slip - 0.05, truth.Slip + 0.05);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, only.FittedAt);

        // The next night brings 50 new answers: too few to move the fit, so it is left alone.
        await AddSimulatedAnswersAsync(host, truth, students: 5, answersEach: 10, seed: 9);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Services.GetRequiredService<RecurringJobScheduler>().EnqueueDueAsync();
        await host.Runner().RunDueJobsAsync();
        Assert.Equal(only.FittedAt, Assert.Single(await StoredAsync(host)).FittedAt);

        // A night with enough new answers refits.
        await AddSimulatedAnswersAsync(host, truth, students: 200, answersEach: 10, seed: 10);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Services.GetRequiredService<RecurringJobScheduler>().EnqueueDueAsync();
        await host.Runner().RunDueJobsAsync();
        var refitted = Assert.Single(await StoredAsync(host));
        Assert.Equal(10_050, refitted.AnswerCount);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, refitted.FittedAt);
    }

    private static async Task<List<SkillParameterSet>> StoredAsync(StudyHubFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProgressDbContext>().SkillParameters.AsNoTracking().ToListAsync();
    }

    /// <summary>Students answering as the BKT model with <paramref name="truth"/> says, stored as first-attempt results.</summary>
    private static async Task AddSimulatedAnswersAsync(StudyHubFactory host, BktParameters truth, int students, int answersEach, int seed, string skill = Skill)
    {
        var random = new Random(seed);
        var start = host.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgressDbContext>();
        for (var s = 0; s < students; s++)
        {
            var student = Guid.NewGuid();
            var known = random.NextDouble() < truth.Prior;
            for (var t = 0; t < answersEach; t++)
            {
                var correct = known ? random.NextDouble() >= truth.Slip : random.NextDouble() < truth.Guess;
                known = known || random.NextDouble() < truth.Learn;
                var at = start.AddMinutes(t);
                db.QuestionResults.Add(new QuestionResult
                {
                    StudentId = student,
                    QuestionId = Guid.NewGuid(),
                    SkillId = skill,
                    Correct = correct,
                    Attempts = 1,
                    TimeTakenMs = 10_000,
                    TimeLimitMs = 30_000,
                    FirstAnsweredAt = at,
                    LastAnsweredAt = at,
                });
            }
        }

        await db.SaveChangesAsync();
    }
}
