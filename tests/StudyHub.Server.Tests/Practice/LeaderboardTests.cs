using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Features;
using StudyHub.Practice.Leaderboards;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Boards as students and teachers see them: what counts, in which period and time zone, in what order, for whom.</summary>
public sealed class LeaderboardTests : IDisposable
{
    private static readonly string[] Periods = ["daily", "weekly", "monthly", "all-time"];
    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_game_reaches_every_board_and_practice_only_the_daily_one()
    {
        var (teacher, _) = await TeacherAsync();
        var student = await _factory.RegisterAndSignInAsync("student", displayName: "Ada");
        var classroom = await ClassroomAsync(teacher, "UTC", student);
        using var client = _factory.CreateClientFor(student);

        var score = await PracticeHost.PlayWholeGameAsync(_factory, client, await CreateGameAsync(client));
        Assert.True(score > 0);
        foreach (var period in Periods)
        {
            Assert.Equal(score, (await BoardAsync(client, period)).You!.Total);
            Assert.Equal(score, (await BoardAsync(client, period, classroom)).You!.Total);
        }

        await PostAsync(student.Id, ScoreKind.Practice, 7);
        Assert.Equal(score + 7, (await BoardAsync(client, "daily")).You!.Total);
        Assert.Equal(score + 7, (await BoardAsync(client, "daily", classroom)).You!.Total);
        foreach (var period in Periods.Skip(1))
        {
            Assert.Equal(score, (await BoardAsync(client, period)).You!.Total);
            Assert.Equal(score, (await BoardAsync(client, period, classroom)).You!.Total);
        }
    }

    [Fact]
    public async Task Replaying_the_same_game_counts_once_per_day()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var client = _factory.CreateClientFor(student);
        var gameId = await CreateGameAsync(client);
        var first = await PracticeHost.PlayWholeGameAsync(_factory, client, gameId);
        var replay = await PracticeHost.PlayWholeGameAsync(_factory, client, gameId);
        Assert.True(replay > 0);
        Assert.Equal(first, (await BoardAsync(client, "all-time")).You!.Total);
        Assert.Equal(first, (await BoardAsync(client, "daily")).You!.Total);

        // Another game the same day counts.
        var other = await PracticeHost.PlayWholeGameAsync(_factory, client, await CreateGameAsync(client));
        Assert.Equal(first + other, (await BoardAsync(client, "daily")).You!.Total);

        // The next day the same game counts again.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        client = await PracticeHost.SignInAgainAsync(_factory, student);
        var nextDay = await PracticeHost.PlayWholeGameAsync(_factory, client, gameId);
        Assert.Equal(nextDay, (await BoardAsync(client, "daily")).You!.Total);
        Assert.Equal(first + other + nextDay, (await BoardAsync(client, "all-time")).You!.Total);
    }

    [Fact]
    public async Task The_top_100_is_ordered_by_total_then_by_who_reached_it_first_and_the_caller_sees_their_rank_beyond_it()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);
        var start = _factory.Clock.GetUtcNow().UtcDateTime;
        var board = new BoardRef(LeaderboardPeriods.WindowOf(LeaderboardPeriod.AllTime, start, TimeZoneInfo.Utc).Key, BoardRef.GlobalScope);

        // 130 others with totals 1000 down to 871; then two ties: the one who reached 500 first ranks higher.
        var others = Enumerable.Range(0, 130).Select(_ => Guid.NewGuid()).ToList();
        await WithBoardAsync(async boards =>
        {
            for (var i = 0; i < others.Count; i++)
            {
                await boards.AddAsync(others[i], [board], 1000 - i, start.AddSeconds(i), default);
            }
        });
        var early = Guid.NewGuid();
        var late = Guid.NewGuid();
        await WithBoardAsync(boards => boards.AddAsync(late, [board], 500, start.AddMinutes(5), default));
        await WithBoardAsync(boards => boards.AddAsync(early, [board], 200, start.AddMinutes(1), default));
        await WithBoardAsync(boards => boards.AddAsync(early, [board], 300, start.AddMinutes(2), default)); // 500, reached at +2 min
        await WithBoardAsync(boards => boards.AddAsync(student.Id, [board], 40, start.AddMinutes(3), default));

        var view = await BoardAsync(client, "all-time");
        Assert.Equal(GetLeaderboard.TopCount, view.Entries.Count);
        Assert.Equal(Enumerable.Range(1, 100), view.Entries.Select(e => e.Rank));
        Assert.Equal(1000, view.Entries[0].Total);
        Assert.Equal(Pseudonyms.For(others[0]), view.Entries[0].Name);
        Assert.DoesNotContain(view.Entries, e => e.IsYou);
        Assert.Equal((133, 40), (view.You!.Rank, view.You.Total));

        await WithBoardAsync(async boards =>
        {
            Assert.Equal(131, (await boards.StandingOfAsync(board, early, default))!.Rank);
            Assert.Equal(132, (await boards.StandingOfAsync(board, late, default))!.Rank);
        });
    }

    [Fact]
    public async Task Equal_totals_reached_at_the_same_instant_rank_the_same_way_in_the_list_and_for_the_caller()
    {
        var students = new List<TestAccount>();
        for (var i = 0; i < 4; i++)
        {
            students.Add(await _factory.RegisterAndSignInAsync("student"));
        }

        foreach (var student in students)
        {
            await PostAsync(student.Id, ScoreKind.Game, 120);
        }

        foreach (var student in students)
        {
            using var client = _factory.CreateClientFor(student);
            var view = await BoardAsync(client, "weekly");
            Assert.Equal(4, view.Entries.Count);
            Assert.Equal(view.You!.Rank, view.Entries.Single(e => e.IsYou).Rank);
        }
    }

    [Fact]
    public async Task A_global_rank_reflects_other_students_points_within_the_refresh_interval()
    {
        var ada = await _factory.RegisterAndSignInAsync("student");
        var ben = await _factory.RegisterAndSignInAsync("student");
        await PostAsync(ada.Id, ScoreKind.Game, 100);
        using (var client = _factory.CreateClientFor(ada))
        {
            Assert.Equal(1, (await BoardAsync(client, "all-time")).You!.Rank);
        }

        await PostAsync(ben.Id, ScoreKind.Game, 300);
        _factory.Clock.Advance(GlobalRankSnapshots.MaxAge);
        using (var client = _factory.CreateClientFor(ada))
        {
            var view = await BoardAsync(client, "all-time");
            Assert.Equal((2, 100), (view.You!.Rank, view.You.Total));
            Assert.Equal([300, 100], view.Entries.Select(e => e.Total));
        }

        // Her own new points count at once.
        await PostAsync(ada.Id, ScoreKind.Game, 250);
        using (var client = _factory.CreateClientFor(ada))
        {
            Assert.Equal((1, 350), ((await BoardAsync(client, "all-time")).You!.Rank, (await BoardAsync(client, "all-time")).You!.Total));
        }
    }

    [Fact]
    public async Task Boards_reset_at_each_periods_boundary_in_the_classrooms_time_zone()
    {
        // The factory's clock starts at 09:00 UTC on Tuesday 24 November 2026: 01:00 in Los Angeles.
        var (teacher, _) = await TeacherAsync();
        var student = await _factory.RegisterAndSignInAsync("student");
        var classroom = await ClassroomAsync(teacher, "America/Los_Angeles", student);
        await PostAsync(student.Id, ScoreKind.Game, 250);

        async Task ExpectAsync(string period, int? global, int? inClass)
        {
            using var client = await PracticeHost.SignInAgainAsync(_factory, student);
            Assert.Equal(global, (await BoardAsync(client, period)).You?.Total);
            Assert.Equal(inClass, (await BoardAsync(client, period, classroom)).You?.Total);
        }

        await ExpectAsync("daily", 250, 250);

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero)); // Wed in UTC, still Tue 18:00 in LA
        await ExpectAsync("daily", null, 250);

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero)); // Wed 00:30 in LA
        await ExpectAsync("daily", null, null);
        await ExpectAsync("weekly", 250, 250);

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)); // Monday in UTC, Sunday 21:00 in LA
        await ExpectAsync("weekly", null, 250);
        await ExpectAsync("monthly", 250, 250);

        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)); // December in UTC, still 30 November in LA
        await ExpectAsync("monthly", null, 250);
        await ExpectAsync("all-time", 250, 250);

        // Points earned now land on LA's 30 November and UTC's 1 December.
        await PostAsync(student.Id, ScoreKind.Game, 10);
        await ExpectAsync("daily", 10, 10);
        await ExpectAsync("monthly", 10, 260);
        await ExpectAsync("all-time", 260, 260);
    }

    [Fact]
    public async Task Global_boards_show_a_stable_pseudonym_and_class_boards_the_name()
    {
        var (teacher, teacherClient) = await TeacherAsync();
        var student = await _factory.RegisterAndSignInAsync("student", displayName: "Ada Lovelace");
        var classroom = await ClassroomAsync(teacher, "UTC", student);
        using var client = _factory.CreateClientFor(student);
        await PostAsync(student.Id, ScoreKind.Game, 90);

        var global = await BoardAsync(client, "daily");
        var entry = Assert.Single(global.Entries);
        Assert.Equal(Pseudonyms.For(student.Id), entry.Name);
        Assert.True(entry.IsYou);
        Assert.Equal(entry.Name, global.You!.Name);
        Assert.DoesNotContain("Ada", (await client.GetStringAsync(new Uri("/api/v1/leaderboards/daily", UriKind.Relative))), StringComparison.Ordinal);
        Assert.Equal(entry.Name, Assert.Single((await BoardAsync(teacherClient, "daily")).Entries).Name);

        var inClass = await BoardAsync(teacherClient, "daily", classroom);
        Assert.Equal(("Ada Lovelace", 90, false), (inClass.Entries[0].Name, inClass.Entries[0].Total, inClass.Entries[0].IsYou));
        Assert.Null(inClass.You); // a teacher has no rank of their own
    }

    [Fact]
    public async Task Under_13s_without_consent_are_on_no_board()
    {
        var (teacher, teacherClient) = await TeacherAsync();
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2015, 6, 1), displayName: "Leo");
        var classroom = await ClassroomAsync(teacher, "UTC", child);
        using var childClient = _factory.CreateClientFor(child);

        await PostAsync(child.Id, ScoreKind.Game, 300);

        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.LeaderboardScores.CountAsync(s => s.StudentId == child.Id)));
        await (await childClient.GetAsync(new Uri("/api/v1/leaderboards/daily", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "parental_consent_required");
        var inClass = await BoardAsync(childClient, "daily", classroom);
        Assert.Empty(inClass.Entries);
        Assert.Null(inClass.You);
        Assert.Empty((await BoardAsync(teacherClient, "all-time", classroom)).Entries);
    }

    [Fact]
    public async Task When_a_parent_withdraws_consent_the_childs_past_entries_leave_the_global_boards()
    {
        var (teacher, teacherClient) = await TeacherAsync();
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2015, 6, 1), displayName: "Leo");
        var classmate = await _factory.RegisterAndSignInAsync("student");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        var classroom = await ClassroomAsync(teacher, "UTC", child, classmate);
        using var childClient = _factory.CreateClientFor(child);
        using var parentClient = _factory.CreateClientFor(parent);
        var code = await (await childClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).JsonAsync();
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code = code.GetProperty("code").GetString() }));
        await _factory.MarkEmailVerifiedAsync(parent);
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync($"/api/v1/parents/children/{child.Id}/consent", new { declaresAdult = true }));
        await PostAsync(child.Id, ScoreKind.Game, 300);
        await PostAsync(classmate.Id, ScoreKind.Game, 100);
        Assert.Equal(2, (await BoardAsync(teacherClient, "weekly")).Entries.Count);

        await ApiClient.EnsureSuccessAsync(await parentClient.DeleteAsync(new Uri($"/api/v1/parents/children/{child.Id}/consent", UriKind.Relative)));
        await _factory.SettleJobsAsync(IntegrationEvents.KindOf<ParentalConsentWithdrawn>());

        foreach (var period in Periods)
        {
            var global = await BoardAsync(teacherClient, period);
            Assert.Equal([(1, 100)], global.Entries.Select(e => (e.Rank, e.Total)));
            Assert.Equal([100], (await BoardAsync(teacherClient, period, classroom)).Entries.Select(e => e.Total));
        }

        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.LeaderboardScores.CountAsync(s => s.StudentId == child.Id && s.ScopeId == BoardRef.GlobalScope)));
    }

    [Fact]
    public async Task A_class_board_is_for_its_members_and_teacher_only()
    {
        var (teacher, teacherClient) = await TeacherAsync();
        var (otherTeacher, otherTeacherClient) = await TeacherAsync();
        var student = await _factory.RegisterAndSignInAsync("student");
        var otherStudent = await _factory.RegisterAndSignInAsync("student");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        var classroom = await ClassroomAsync(teacher, "UTC", student);
        await ClassroomAsync(otherTeacher, "UTC", otherStudent);
        using var studentClient = _factory.CreateClientFor(student);
        using var otherStudentClient = _factory.CreateClientFor(otherStudent);
        using var parentClient = _factory.CreateClientFor(parent);
        using var anonymous = _factory.CreateClient();
        var url = new Uri($"/api/v1/leaderboards/weekly?classroomId={classroom}", UriKind.Relative);

        await ApiClient.EnsureSuccessAsync(await studentClient.GetAsync(url));
        await ApiClient.EnsureSuccessAsync(await teacherClient.GetAsync(url));

        await (await anonymous.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(new Uri("/api/v1/leaderboards/weekly", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await otherStudentClient.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await otherTeacherClient.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await teacherClient.GetAsync(new Uri($"/api/v1/leaderboards/weekly?classroomId={Guid.NewGuid()}", UriKind.Relative)))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await parentClient.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await parentClient.GetAsync(new Uri("/api/v1/leaderboards/weekly", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        var badPeriod = await (await studentClient.GetAsync(new Uri("/api/v1/leaderboards/yearly", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badPeriod.GetProperty("errors").TryGetProperty("period", out _));
    }

    private async Task<(TestAccount Teacher, HttpClient Client)> TeacherAsync()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        return (teacher, _factory.CreateClientFor(teacher));
    }

    private async Task<Guid> ClassroomAsync(TestAccount teacher, string timeZone, params TestAccount[] students)
    {
        using var teacherClient = _factory.CreateClientFor(teacher);
        var created = await (await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name = "Algebra", subject = "Math", grade = "8", timeZone })).JsonAsync();
        foreach (var student in students)
        {
            using var client = _factory.CreateClientFor(student);
            await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/classrooms/join", new { code = created.GetProperty("joinCode").GetString() }));
        }

        return created.GetProperty("id").GetGuid();
    }

    private static async Task<LeaderboardView> BoardAsync(HttpClient client, string period, Guid? classroomId = null)
    {
        var url = classroomId is null ? $"/api/v1/leaderboards/{period}" : $"/api/v1/leaderboards/{period}?classroomId={classroomId}";
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await ApiClient.EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<LeaderboardView>())!;
    }

    private async Task<Guid> CreateGameAsync(HttpClient client)
    {
        await PracticeHost.EnsureJobsTableAsync(_factory);
        var game = await (await client.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).JsonAsync();
        return game.GetProperty("id").GetGuid();
    }


    private async Task PostAsync(Guid studentId, ScoreKind kind, int points)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LeaderboardPosting>().PostAsync(studentId, kind, points, _factory.Clock.GetUtcNow().UtcDateTime, default);
        await scope.ServiceProvider.GetRequiredService<PracticeDbContext>().SaveChangesAsync();
    }

    private async Task WithBoardAsync(Func<ILeaderboard, Task> action)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ILeaderboard>());
        await scope.ServiceProvider.GetRequiredService<PracticeDbContext>().SaveChangesAsync();
    }
}
