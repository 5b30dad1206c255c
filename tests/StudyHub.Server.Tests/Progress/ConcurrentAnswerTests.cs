using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Progress;

/// <summary>
/// One student's answers delivered at once (several workers), late, or twice give exactly the
/// mastery of delivering them one by one in the order they were answered.
/// </summary>
public sealed class ConcurrentAnswerTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Answers_delivered_concurrently_out_of_order_or_twice_give_exactly_the_sequential_mastery()
    {
        var inOrder = Guid.NewGuid();
        var atOnce = Guid.NewGuid();
        var backwards = Guid.NewGuid();
        var start = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

        // Twelve first attempts at fractions (mostly right, some after a hint), a second attempt at
        // one of them, and two at another skill: the handler's every path at once.
        var script = new List<(string Skill, Guid Question, bool Correct, int Attempt, int Hints, int Seconds)>();
        var questions = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < questions.Count; i++)
        {
            script.Add(("math.fractions", questions[i], i % 4 != 1, 1, i == 6 ? 1 : 0, 5 + i));
        }

        script.Add(("math.fractions", questions[1], true, 2, 0, 20));
        script.Add(("math.percentages", Guid.NewGuid(), true, 1, 0, 8));
        script.Add(("math.percentages", Guid.NewGuid(), false, 1, 0, 9));
        QuestionAnswered For(Guid student, int i) => new(
            Guid.NewGuid(), student, script[i].Skill, script[i].Question, null, script[i].Correct, script[i].Attempt, script[i].Hints,
            TimeSpan.FromSeconds(script[i].Seconds), TimeSpan.FromSeconds(30), start.AddSeconds(10 * i));

        for (var i = 0; i < script.Count; i++)
        {
            await ProgressApiTests.DeliverAsync(_factory, For(inOrder, i));
        }

        // All at once, each twice (a redelivery racing the first): the losers start again quietly.
        var concurrent = Enumerable.Range(0, script.Count).Select(i => For(atOnce, i)).ToList();
        await Task.WhenAll(concurrent.Concat(concurrent).Select(answer => Task.Run(() => ProgressApiTests.DeliverAsync(_factory, answer))));

        for (var i = script.Count - 1; i >= 0; i--)
        {
            await ProgressApiTests.DeliverAsync(_factory, For(backwards, i));
        }

        var expected = await MasteryAsync(inOrder);
        Assert.Equal(2, expected.Count);
        Assert.Equal(12, expected[0].Evidence);
        Assert.Equal(expected, await MasteryAsync(atOnce));
        Assert.Equal(expected, await MasteryAsync(backwards));
        var history = await HistoryAsync(inOrder);
        Assert.Equal(14, history.Count);
        Assert.Equal(history, await HistoryAsync(atOnce));
        Assert.Equal(history, await HistoryAsync(backwards));
    }

    private sealed record MasteryRow(string SkillId, double PKnown, int Evidence, int CorrectEvidence, int AttemptsTotal, double MedianTimeShare, long TimeSpentMs, DateTime? MasteredAt, DateTime UpdatedAt);

    private async Task<List<MasteryRow>> MasteryAsync(Guid studentId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgressDbContext>();
        return (await db.Masteries.AsNoTracking().Where(m => m.StudentId == studentId).ToListAsync())
            .OrderBy(m => m.SkillId, StringComparer.Ordinal)
            .Select(m => new MasteryRow(m.SkillId, m.PKnown, m.Evidence, m.CorrectEvidence, m.AttemptsTotal, m.MedianTimeShare, m.TimeSpentMs, m.MasteredAt, m.UpdatedAt))
            .ToList();
    }

    private async Task<List<(string SkillId, DateTime RecordedAt, double PKnown)>> HistoryAsync(Guid studentId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgressDbContext>();
        return (await db.Snapshots.AsNoTracking().Where(s => s.StudentId == studentId).ToListAsync())
            .Select(s => (s.SkillId, s.RecordedAt, s.PKnown))
            .OrderBy(s => s.SkillId, StringComparer.Ordinal).ThenBy(s => s.RecordedAt)
            .ToList();
    }
}
