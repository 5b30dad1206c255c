using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;
using StudyHub.Practice.Features;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>The student's dashboard: streak, points, recommendation, recent homework, what is due and the parent link.</summary>
public sealed partial class StudentDashboardTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_new_student_sees_an_empty_state_that_says_what_to_do_next_in_every_part()
    {
        using var client = await _factory.SignInOnTheWebAsync(await _factory.RegisterAndSignInAsync("student"));

        var page = await client.PageAsync("/dashboard");

        Assert.Contains("No assignments waiting. When your teacher sets a game for your class", page, StringComparison.Ordinal);
        Assert.Contains("Finish a practice game to start a daily streak", page, StringComparison.Ordinal);
        Assert.Contains("Play on two days in a row to build one.", page, StringComparison.Ordinal);
        Assert.Contains("No recommendation yet.", page, StringComparison.Ordinal);
        Assert.Contains("No homework yet.", page, StringComparison.Ordinal);
        Assert.Contains("Give this code to your parent or guardian", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streak_points_and_badges_show_what_is_due_today_and_a_missed_day_ends_the_streak()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        await SeedPracticeAsync(student.Id, streak: 3, lastPlayed: Today().AddDays(-1));
        using var client = await _factory.SignInOnTheWebAsync(student);

        var yesterday = await client.PageAsync("/dashboard");
        _factory.Clock.Advance(TimeSpan.FromDays(2));
        var lapsed = await client.PageAsync("/dashboard");

        Assert.Contains("Finish a game today to keep your 3 days streak.", yesterday, StringComparison.Ordinal);
        Assert.Contains("<p class=\"stat\">3 days</p>", yesterday, StringComparison.Ordinal);
        Assert.Contains("<p class=\"stat\">1,420</p>", yesterday, StringComparison.Ordinal);
        Assert.Contains("4 games &#xB7; badges: First game", yesterday, StringComparison.Ordinal);
        Assert.Contains("Your streak has ended. Finish a game today to start a new one.", lapsed, StringComparison.Ordinal);
        Assert.Contains("<p class=\"stat\">0 days</p>", lapsed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Work_set_by_the_teacher_is_due_on_the_dashboard_and_turns_missing_after_its_due_time()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var student = await _factory.RegisterAndSignInAsync("student");
        using var teacherApi = _factory.CreateClientFor(teacher);
        using var studentApi = _factory.CreateClientFor(student);
        var classroom = await (await teacherApi.PostAsJsonAsync("/api/v1/classrooms", new { name = "Maths 8B", subject = "Math", grade = "8" })).Content.ReadFromJsonAsync<Classroom>();
        await ApiClient.EnsureSuccessAsync(await studentApi.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom!.JoinCode }));
        var game = await (await teacherApi.PostAsJsonAsync("/api/v1/games", new { skillId = "math.linear-equations", questionCount = 2 })).Content.ReadFromJsonAsync<IdOnly>();
        var due = _factory.Clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd'T'17:00", System.Globalization.CultureInfo.InvariantCulture);
        await ApiClient.EnsureSuccessAsync(await teacherApi.PostAsJsonAsync($"/api/v1/classrooms/{classroom.Id}/assignments", new { gameId = game!.Id, title = "Linear equations before Friday", dueLocal = due }));
        using var web = await _factory.SignInOnTheWebAsync(student);

        var before = await web.PageAsync("/dashboard");
        _factory.Clock.Advance(TimeSpan.FromDays(2));
        var after = await web.PageAsync("/dashboard");

        Assert.Contains("<strong>Linear equations before Friday</strong>", before, StringComparison.Ordinal);
        Assert.Contains("Maths 8B · due 25 Nov, 17:00", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Missing</span>", before, StringComparison.Ordinal);
        Assert.Contains("<span class=\"pill pill-warn\">Missing</span>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parent_link_code_has_a_copy_button_and_a_linked_parent_is_named()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var web = await _factory.SignInOnTheWebAsync(student);

        var dashboard = await web.PageAsync("/dashboard");
        var issued = await web.PostAsync(new Uri("/dashboard", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "link-code",
            ["__RequestVerificationToken"] = WebPages.AntiforgeryToken(dashboard),
        }));
        var withCode = await issued.Content.ReadAsStringAsync();
        var code = CopyButton().Match(withCode).Groups[1].Value;

        var parent = await _factory.RegisterAndSignInAsync("parent", displayName: "Pat Rivera");
        using var parentApi = _factory.CreateClientFor(parent);
        await ApiClient.EnsureSuccessAsync(await parentApi.PostAsJsonAsync("/api/v1/parents/links", new { code }));
        var linked = await web.PageAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Matches("^[A-Z0-9]{6,}$", code);
        Assert.Contains("Linked: Pat Rivera can follow your progress.", linked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practice_standing_is_only_given_to_people_who_may_see_the_student()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        var other = await _factory.RegisterAndSignInAsync("student");
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        await SeedPracticeAsync(student.Id, streak: 2, lastPlayed: Today());

        Assert.Equal((2, true), await StandingAsync(new Caller(student.Id, Role.Student), student.Id));
        Assert.Null(await StandingAsync(new Caller(other.Id, Role.Student), student.Id));
        Assert.Null(await StandingAsync(new Caller(teacher.Id, Role.Teacher), student.Id));
        Assert.Null(await StandingAsync(new Caller(null, null), student.Id));
        Assert.Equal((2, true), await StandingAsync(new Caller(Guid.NewGuid(), Role.Admin), student.Id));
    }

    private DateOnly Today() => DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);

    private async Task<(int Streak, bool PlayedToday)?> StandingAsync(ICurrentUser caller, Guid studentId)
    {
        using var scope = _factory.Services.CreateScope();
        var standings = new PracticeStandings(
            scope.ServiceProvider.GetRequiredService<PracticeDbContext>(), caller, scope.ServiceProvider.GetRequiredService<IPeopleDirectory>(), _factory.Clock);
        return await standings.FindAsync(studentId, default) is { } standing ? (standing.StreakDays, standing.PlayedToday) : null;
    }

    private async Task SeedPracticeAsync(Guid studentId, int streak, DateOnly lastPlayed)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PracticeDbContext>();
        db.Players.Add(new PlayerRecord { StudentId = studentId, StreakDays = streak, LongestStreakDays = streak, LastPlayedOn = lastPlayed, TotalPoints = 1420, GamesCompleted = 4 });
        db.BadgeAwards.Add(new BadgeAward { StudentId = studentId, BadgeId = "first-game", AwardedAt = _factory.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private sealed record Classroom(Guid Id, string JoinCode);

    private sealed record IdOnly(Guid Id);

    private sealed record Caller(Guid? UserId, Role? Role) : ICurrentUser
    {
        public bool IsAuthenticated => UserId is not null;

        public Guid? SessionId => null;
    }

    [GeneratedRegex("data-copy=\"([^\"]+)\"")]
    private static partial Regex CopyButton();
}
