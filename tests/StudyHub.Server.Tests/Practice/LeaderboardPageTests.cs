using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Practice.Data;
using StudyHub.Practice.Leaderboards;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>The leaderboard page as students, teachers and parents see it: periods, scopes, one's own row, and who is left off.</summary>
public sealed class LeaderboardPageTests : IDisposable
{
    private readonly StudyHubFactory _factory = PracticeHost.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_sees_their_class_board_by_name_the_global_one_by_pseudonym_and_their_own_row()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var ada = await _factory.RegisterAndSignInAsync("student", displayName: "Ada Lovelace");
        var ben = await _factory.RegisterAndSignInAsync("student", displayName: "Ben Okafor");
        var classroom = await ClassroomAsync(teacher, "Algebra 8B", ada, ben);
        await PostAsync(ada.Id, ScoreKind.Game, 120);
        await PostAsync(ben.Id, ScoreKind.Game, 300);
        using var web = await WebSession.SignInAsync(_factory, ada);

        var inClass = await web.PageAsync($"/leaderboards?period=weekly&class={classroom}");
        var rows = BoardOf(inClass);
        Assert.Contains("Algebra 8B · This week", inClass, StringComparison.Ordinal);
        Assert.Contains("Your rank: <strong>#2</strong> with <strong>120</strong> points", inClass, StringComparison.Ordinal);
        Assert.True(rows.IndexOf("Ben Okafor", StringComparison.Ordinal) < rows.IndexOf("Ada Lovelace", StringComparison.Ordinal));
        Assert.Matches("<tr class=\"board-you\" aria-current=\"true\"><td>2</td>\\s*<th scope=\"row\">Ada Lovelace", inClass);
        Assert.Contains($"<option value=\"{classroom}\" selected", inClass, StringComparison.Ordinal);

        var global = await web.PageAsync("/leaderboards?period=all-time");
        Assert.DoesNotContain("Ada Lovelace", BoardOf(global), StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Okafor", global, StringComparison.Ordinal);
        Assert.Contains(Pseudonyms.For(ada.Id), global, StringComparison.Ordinal);
        Assert.Contains($"shown to others as {Pseudonyms.For(ada.Id)}", global, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/leaderboards?period=all-time\" aria-current=\"page\">All time</a>", global, StringComparison.Ordinal);

        // Practice counts on today's board only; a period without points is an empty state that says what to do.
        await PostAsync(ada.Id, ScoreKind.Practice, 500);
        Assert.Contains("Your rank: <strong>#1</strong>", await web.PageAsync($"/leaderboards?period=daily&class={classroom}"), StringComparison.Ordinal);
        _factory.Clock.Advance(TimeSpan.FromDays(40));
        using var later = await WebSession.SignInAsync(_factory, ada);
        var empty = await later.PageAsync("/leaderboards?period=monthly");
        Assert.Contains("No one has scored on this board this month yet.", empty, StringComparison.Ordinal);
        Assert.Contains("You have no points on this board yet.", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rank_beyond_the_top_100_is_shown_under_the_list()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var now = _factory.Clock.GetUtcNow();
        var board = new BoardRef(LeaderboardPeriods.WindowOf(LeaderboardPeriod.Daily, now, TimeZoneInfo.Utc).Key, BoardRef.GlobalScope);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var boards = scope.ServiceProvider.GetRequiredService<ILeaderboard>();
            for (var i = 0; i < 101; i++)
            {
                await boards.AddAsync(Guid.NewGuid(), [board], 1000 + i, now.UtcDateTime, default);
            }

            await scope.ServiceProvider.GetRequiredService<PracticeDbContext>().SaveChangesAsync();
        }

        await PostAsync(student.Id, ScoreKind.Game, 5);
        using var web = await WebSession.SignInAsync(_factory, student);

        var page = await web.PageAsync("/leaderboards?period=daily");
        Assert.Equal(100, System.Text.RegularExpressions.Regex.Matches(page, "<tr(?: class=\"board-you\" aria-current=\"true\")?><td>\\d+</td>").Count - 1);
        Assert.Contains("Your rank: <strong>#102</strong>", page, StringComparison.Ordinal);
        Assert.Matches("<tr class=\"board-gap\" aria-hidden=\"true\"><td colspan=\"3\">…</td></tr>\\s*<tr class=\"board-you\" aria-current=\"true\"><td>102</td>", page);
    }

    [Fact]
    public async Task An_under_13_without_consent_is_told_why_they_are_not_listed()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2015, 6, 1), displayName: "Leo");
        var classmate = await _factory.RegisterAndSignInAsync("student", displayName: "Mia");
        var classroom = await ClassroomAsync(teacher, "Year 7", child, classmate);
        await PostAsync(child.Id, ScoreKind.Game, 300);
        await PostAsync(classmate.Id, ScoreKind.Game, 100);
        using var web = await WebSession.SignInAsync(_factory, child);

        var global = await web.PageAsync("/leaderboards");
        Assert.Contains("Leaderboards open once a parent agrees, because you are under 13.", global, StringComparison.Ordinal);
        Assert.DoesNotContain("board-table", global, StringComparison.Ordinal);

        var inClass = await web.PageAsync($"/leaderboards?class={classroom}");
        Assert.Contains("You are not listed on leaderboards yet: a parent needs to agree first", inClass, StringComparison.Ordinal);
        Assert.Contains("Mia", BoardOf(inClass), StringComparison.Ordinal);
        Assert.DoesNotContain("Leo", BoardOf(inClass), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_class_board_of_a_class_one_is_not_in_is_the_not_found_page_and_a_parent_is_told_whom_boards_are_for()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var member = await _factory.RegisterAndSignInAsync("student");
        var outsider = await _factory.RegisterAndSignInAsync("student");
        var otherTeacher = await _factory.RegisterAndSignInAsync("teacher");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        var classroom = await ClassroomAsync(teacher, "Private class", member);
        var url = $"/leaderboards?period=weekly&class={classroom}";

        using (var web = await WebSession.SignInAsync(_factory, teacher))
        {
            Assert.Contains("Private class · This week", await web.PageAsync(url), StringComparison.Ordinal);

            // The teacher picks among their own classes; another teacher's class is not offered.
            await ClassroomAsync(otherTeacher, "Someone else's class");
            var global = System.Net.WebUtility.HtmlDecode(await web.PageAsync("/leaderboards"));
            Assert.Contains($"<option value=\"{classroom}\">Private class</option>", global, StringComparison.Ordinal);
            Assert.DoesNotContain("Someone else's class", global, StringComparison.Ordinal);
        }

        foreach (var account in new[] { outsider, otherTeacher })
        {
            using var web = await WebSession.SignInAsync(_factory, account);
            var response = await web.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Private class", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/leaderboards?class={Guid.NewGuid()}")).StatusCode);
        }

        using (var web = await WebSession.SignInAsync(_factory, parent))
        {
            Assert.Contains("Leaderboards are for students and their teachers.", await web.PageAsync("/leaderboards"), StringComparison.Ordinal);
        }

        using var anonymous = WebSession.Anonymous(_factory);
        var signIn = await anonymous.GetAsync("/leaderboards");
        Assert.StartsWith("/signin", WebSession.RedirectTarget(signIn), StringComparison.Ordinal);
    }

    private async Task<Guid> ClassroomAsync(TestAccount teacher, string name, params TestAccount[] students)
    {
        using var teacherClient = _factory.CreateClientFor(teacher);
        var created = await (await teacherClient.PostAsJsonAsync("/api/v1/classrooms", new { name, subject = "Math", grade = "8", timeZone = "UTC" })).JsonAsync();
        foreach (var student in students)
        {
            using var client = _factory.CreateClientFor(student);
            await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/classrooms/join", new { code = created.GetProperty("joinCode").GetString() }));
        }

        return created.GetProperty("id").GetGuid();
    }

    /// <summary>The board section alone (the page's header names the signed-in person).</summary>
    private static string BoardOf(string html) => html[html.IndexOf("<section class=\"board\"", StringComparison.Ordinal)..];

    private async Task PostAsync(Guid studentId, ScoreKind kind, int points)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LeaderboardPosting>().PostAsync(studentId, kind, points, _factory.Clock.GetUtcNow().UtcDateTime, default);
        await scope.ServiceProvider.GetRequiredService<PracticeDbContext>().SaveChangesAsync();
    }
}
