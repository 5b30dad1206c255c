using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StudyHub.Kernel.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>
/// Answers commit in groups on SQLite (ADR 0006). A write that holds the turn, a client that goes
/// away, a write that fails in the middle of a batch: the others still commit, and nothing is
/// ever half-written. On PostgreSQL the same tests run with one transaction per answer.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly GatedCommits _gate = new();
    private readonly StudyHubFactory _factory;

    public GroupCommitTests() => _factory = _gate.Host();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_client_that_disconnects_while_its_answer_holds_the_turn_stalls_nothing_and_its_answer_is_whole()
    {
        // Real HTTP: the aborted request is a closed TCP connection, as with a student whose phone lost its signal.
        _factory.UseKestrel(0);
        _factory.StartServer();
        var ada = await PlayerAsync();
        var ben = await PlayerAsync();
        var cyd = await PlayerAsync();

        // Ada's answer is being written (slowly) when her connection drops; Ben's and Cyd's wait behind it,
        // and Cyd gives up too before his turn.
        var held = _gate.HoldNext();
        using var adaLeaves = new CancellationTokenSource();
        var adaAnswer = ada.SendAnswerAsync("ada-1", adaLeaves.Token);
        await held.Running.WaitAsync(Patience);
        var benAnswer = ben.SendAnswerAsync("ben-1", CancellationToken.None);
        using var cydLeaves = new CancellationTokenSource();
        var cydAnswer = cyd.SendAnswerAsync("cyd-1", cydLeaves.Token);
        await _gate.CallsReached(3).WaitAsync(Patience);
        await adaLeaves.CancelAsync();
        await cydLeaves.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => adaAnswer);
        try
        {
            (await cydAnswer).Dispose(); // on PostgreSQL nothing queues behind Ada, so Cyd may have had his answer already
        }
        catch (OperationCanceledException)
        {
            // He left before the answer came back.
        }

        await held.CallerLeft.WaitAsync(Patience); // the server saw Ada go while her write held the turn
        held.Release();

        Assert.Equal(HttpStatusCode.OK, (await benAnswer.WaitAsync(Patience)).StatusCode);

        // Ada's answer had its turn: it is committed whole, and asking again with her key replays it.
        var replay = await (await ada.SendAnswerAsync("ada-1", CancellationToken.None)).JsonAsync();
        Assert.Equal(1, replay.GetProperty("attempt").GetInt32());
        await AssertWholeAsync(ada, attempts: 1);

        // Cyd left before his turn: his answer was dropped or committed, never half; his retry is attempt 1 either way.
        var cydRetry = await (await cyd.SendAnswerAsync("cyd-1", CancellationToken.None)).JsonAsync();
        Assert.Equal(1, cydRetry.GetProperty("attempt").GetInt32());
        await AssertWholeAsync(cyd, attempts: 1);

        // Later answers go through at once.
        foreach (var player in new[] { ada, ben, cyd })
        {
            Assert.Equal(HttpStatusCode.OK, (await player.SendAnswerAsync(Guid.NewGuid().ToString(), CancellationToken.None).WaitAsync(Patience)).StatusCode);
        }
    }

    [Fact]
    public async Task A_write_that_fails_in_the_middle_of_a_batch_leaves_nothing_behind_and_the_others_commit()
    {
        var ada = await PlayerAsync();
        var ben = await PlayerAsync();
        var cyd = await PlayerAsync();
        var dan = await PlayerAsync();

        // Ada holds the turn while Ben, Cyd and Dan queue up: they commit as one batch, and Cyd's write
        // throws after its statements ran (as a full disk or a bug would).
        var held = _gate.HoldNext();
        var adaAnswer = ada.SendAnswerAsync("ada-1", CancellationToken.None);
        await held.Running.WaitAsync(Patience);
        var benAnswer = ben.SendAnswerAsync("ben-1", CancellationToken.None);
        await _gate.CallsReached(2).WaitAsync(Patience);
        _gate.FailNext();
        var cydAnswer = cyd.SendAnswerAsync("cyd-1", CancellationToken.None);
        await _gate.CallsReached(3).WaitAsync(Patience);
        var danAnswer = dan.SendAnswerAsync("dan-1", CancellationToken.None);
        await _gate.CallsReached(4).WaitAsync(Patience);
        held.Release();

        Assert.Equal(HttpStatusCode.OK, (await adaAnswer.WaitAsync(Patience)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await benAnswer.WaitAsync(Patience)).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await cydAnswer.WaitAsync(Patience)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await danAnswer.WaitAsync(Patience)).StatusCode);
        if (!StudyHubFactory.UsesPostgres)
        {
            Assert.Equal(3, _gate.ContextsOf(2, 3, 4).Count); // each on its own context would prove nothing about batches
            Assert.Single(_gate.ContextsOf(2, 3, 4).Distinct());
        }

        await AssertWholeAsync(ada, attempts: 1);
        await AssertWholeAsync(ben, attempts: 1);
        await AssertWholeAsync(dan, attempts: 1);
        await AssertWholeAsync(cyd, attempts: 0);

        // Cyd tries again with the same key: it was never stored, so it is scored now, once.
        var retry = await (await cyd.SendAnswerAsync("cyd-1", CancellationToken.None)).JsonAsync();
        Assert.Equal(1, retry.GetProperty("attempt").GetInt32());
        await AssertWholeAsync(cyd, attempts: 1);
    }

    [Fact]
    public async Task Twin_requests_with_one_key_in_one_batch_score_once_and_a_different_body_under_the_key_is_a_409()
    {
        var ada = await PlayerAsync();
        var ben = await PlayerAsync();
        var held = _gate.HoldNext();
        var benAnswer = ben.SendAnswerAsync("ben-1", CancellationToken.None);
        await held.Running.WaitAsync(Patience);
        var first = ada.SendAnswerAsync("twin", CancellationToken.None);
        var second = ada.SendAnswerAsync("twin", CancellationToken.None);
        await _gate.CallsReached(3).WaitAsync(Patience);
        held.Release();

        Assert.Equal(HttpStatusCode.OK, (await benAnswer.WaitAsync(Patience)).StatusCode);
        var results = new[] { await (await first.WaitAsync(Patience)).JsonAsync(), await (await second.WaitAsync(Patience)).JsonAsync() };
        Assert.Equal(results[0].GetRawText(), results[1].GetRawText());
        await AssertWholeAsync(ada, attempts: 1);
        await (await ada.SendAnswerAsync("twin", CancellationToken.None, answer: "something else")).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_key_reused");
        await AssertWholeAsync(ada, attempts: 1);
    }

    /// <summary>Every attempt of the player's session has its delivery count, log entry, outbox event and stored outcome: none without the others.</summary>
    private async Task AssertWholeAsync(Player player, int attempts)
    {
        var (delivered, attemptRows, logged, stored, events, score, earned) = await PracticeHost.WithDbAsync(_factory, async db =>
        {
            var sessionId = player.SessionId;
            var questionId = player.QuestionId;
            var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.SessionId == sessionId && d.QuestionId == questionId);
            var attemptIds = await db.Attempts.Where(a => a.SessionId == sessionId).Select(a => a.Id).ToListAsync();
            var logged = await db.LearningEvents.CountAsync(e => e.SessionId == sessionId && e.Kind == LearningEventKind.AnswerAttempted);
            var stored = await db.IdempotencyRecords.CountAsync(r => r.StudentId == player.StudentId);
            var payloads = await db.Set<Job>().Where(j => j.Kind == IntegrationEvents.KindOf<StudyHub.Kernel.Learning.QuestionAnswered>()).Select(j => j.Payload).ToListAsync();
            var events = payloads.Count(p => attemptIds.Any(id => p.Contains(id.ToString(), StringComparison.Ordinal)));
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var earned = await db.Attempts.Where(a => a.SessionId == sessionId).SumAsync(a => a.Points);
            return (delivery.Attempts, attemptIds.Count, logged, stored, events, session.Score, earned);
        });
        Assert.Equal((attempts, attempts, attempts, attempts, attempts), (delivered, attemptRows, logged, stored, events));
        Assert.Equal(earned, score);
    }

    private async Task<Player> PlayerAsync()
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var account = await _factory.RegisterAndSignInAsync("student");
        var client = _factory.CreateClientFor(account);
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 3 })).JsonAsync();
        var session = await (await client.PostAsJsonAsync("/api/v1/game-sessions", new { gameId = game.GetProperty("id").GetGuid() })).JsonAsync();
        var sessionId = session.GetProperty("id").GetGuid();
        var next = await (await client.GetAsync(new Uri($"/api/v1/game-sessions/{sessionId}/next", UriKind.Relative))).JsonAsync();
        var question = next.GetProperty("question");
        var questionId = question.GetProperty("id").GetGuid();
        var key = await PracticeHost.AnswerKeyAsync(_factory, questionId);
        var options = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();

        // A wrong answer keeps the question open, so every player can answer again later.
        return new Player(client, account.Id, sessionId, questionId, options.Count > 0 ? options.First(o => o != key) : "x = 12345");
    }

    private sealed record Player(HttpClient Client, Guid StudentId, Guid SessionId, Guid QuestionId, string Wrong)
    {
        public Task<HttpResponseMessage> SendAnswerAsync(string key, CancellationToken cancellationToken, string? answer = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/game-sessions/{SessionId}/answers", UriKind.Relative))
            {
                Content = JsonContent.Create(new { questionId = QuestionId, answer = answer ?? Wrong }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return Client.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>
/// Wraps the real group commit to hold a write in the middle of its turn (after its statements,
/// before the commit), to make a write fail there, and to see which writes shared a transaction.
/// </summary>
internal sealed class GatedCommits
{
    private readonly Lock _lock = new();
    private readonly List<(int Call, object Context)> _contexts = [];
    private readonly List<(int Calls, TaskCompletionSource Reached)> _waiters = [];
    private Hold? _holdNext;
    private Hold? _pauseNext;
    private bool _failNext;
    private int _calls;

    /// <summary>A practice host whose answers go through this gate to the real group commit.</summary>
    public StudyHubFactory Host() =>
        PracticeHost.Create().WithServices(services =>
        {
            services.RemoveAll<IGroupCommit<PracticeDbContext>>();
            services.AddSingleton<IGroupCommit<PracticeDbContext>>(provider => new Gated(this, provider.GetRequiredService<GroupCommit<PracticeDbContext>>()));
        });

    /// <summary>The next write will wait, holding its turn, until <see cref="Hold.Release"/>.</summary>
    public Hold HoldNext()
    {
        var hold = new Hold();
        lock (_lock)
        {
            _holdNext = hold;
        }

        return hold;
    }

    /// <summary>The next request waits after its reads, before its write is handed over, until <see cref="Hold.Release"/>.</summary>
    public Hold PauseNext()
    {
        var hold = new Hold();
        lock (_lock)
        {
            _pauseNext = hold;
        }

        return hold;
    }

    /// <summary>The next write throws after its statements ran.</summary>
    public void FailNext()
    {
        lock (_lock)
        {
            _failNext = true;
        }
    }

    /// <summary>Completes once this many writes have been handed to the group commit.</summary>
    public Task CallsReached(int calls)
    {
        lock (_lock)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_calls >= calls)
            {
                reached.SetResult();
            }
            else
            {
                _waiters.Add((calls, reached));
            }

            return reached.Task;
        }
    }

    /// <summary>The contexts the given calls (1-based) wrote on: the same one means the same transaction.</summary>
    public List<object> ContextsOf(params int[] calls)
    {
        lock (_lock)
        {
            return [.. _contexts.Where(c => calls.Contains(c.Call)).Select(c => c.Context)];
        }
    }

    private (int Call, Hold? Pause, Hold? Hold, bool Fail) Enter()
    {
        lock (_lock)
        {
            var call = ++_calls;
            var pause = _pauseNext;
            var hold = _holdNext;
            var fail = _failNext;
            _pauseNext = null;
            _holdNext = null;
            _failNext = false;
            foreach (var waiter in _waiters.Where(w => w.Calls <= call).ToList())
            {
                waiter.Reached.SetResult();
                _waiters.Remove(waiter);
            }

            return (call, pause, hold, fail);
        }
    }

    private void Wrote(int call, object context)
    {
        lock (_lock)
        {
            _contexts.Add((call, context));
        }
    }

    internal sealed class Hold
    {
        private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _callerLeft = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The held write has run its statements and waits, holding its turn.</summary>
        public Task Running => _running.Task;

        /// <summary>The request whose write is held was aborted.</summary>
        public Task CallerLeft => _callerLeft.Task;

        public void Release() => _released.TrySetResult();

        internal async Task WaitAsync(CancellationToken requestAborted)
        {
            using var registration = requestAborted.Register(() => _callerLeft.TrySetResult());
            _running.TrySetResult();
            await _released.Task;
        }
    }

    private sealed class Gated(GatedCommits gate, IGroupCommit<PracticeDbContext> inner) : IGroupCommit<PracticeDbContext>
    {
        public async Task<T> CommitAsync<T>(Func<PracticeDbContext, IServiceProvider, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
        {
            var (call, pause, hold, fail) = gate.Enter();
            if (pause is not null)
            {
                await pause.WaitAsync(cancellationToken);
            }

            return await inner.CommitAsync(
                async (db, services, token) =>
                {
                    gate.Wrote(call, db);
                    var result = await write(db, services, token);
                    if (hold is not null)
                    {
                        await hold.WaitAsync(cancellationToken);
                    }

                    return fail ? throw new InvalidOperationException("A write failed after its statements ran (test).") : result;
                },
                cancellationToken);
        }
    }
}
