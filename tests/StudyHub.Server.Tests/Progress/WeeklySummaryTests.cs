using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Data;
using StudyHub.Kernel.Jobs;
using StudyHub.Progress.Domain;
using StudyHub.Progress.Features;
using StudyHub.Server.Tests.Identity;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;
using StudyHub.Server.Tests.Practice;

namespace StudyHub.Server.Tests.Progress;

/// <summary>The weekly summary mail to parents who opt in, in their language, through a real SMTP server, on a fake clock.</summary>
public sealed partial class WeeklySummaryTests(SmtpCatcherFixture fixture) : IClassFixture<SmtpCatcherFixture>
{
    private const string MailJobKind = "identity.send-mail";

    [Fact]
    public async Task A_parent_who_opted_in_gets_one_summary_per_week_on_sunday_evening_their_time_in_their_language_and_others_none()
    {
        using var factory = PracticeHost.Create()
            .With("Mail:Smtp:Host", "127.0.0.1")
            .With("Mail:Smtp:Port", fixture.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Mail:Smtp:UseTls", "false")
            .With("Mail:PublicUrl", "http://studyhub.test")
            .With("Jobs:RetryBaseDelay", "00:00:00");
        var child = await factory.RegisterAndSignInAsync("student", displayName: "Mia");
        var parent = await factory.RegisterAndSignInAsync("parent");
        var optedOut = await factory.RegisterAndSignInAsync("parent");
        var german = await factory.RegisterAndSignInAsync("parent");
        using var childClient = factory.CreateClientFor(child);
        using var parentClient = factory.CreateClientFor(parent);
        using var optedOutClient = factory.CreateClientFor(optedOut);
        using var germanClient = factory.CreateClientFor(german);
        await ProgressApiTests.LinkAsync(childClient, parentClient);
        await ProgressApiTests.LinkAsync(childClient, optedOutClient);
        await ProgressApiTests.LinkAsync(childClient, germanClient);
        await factory.MarkEmailVerifiedAsync(parent);
        await factory.MarkEmailVerifiedAsync(optedOut);
        await factory.MarkEmailVerifiedAsync(german);

        // Opt-in: off until asked for, and the general email notifications do not turn it on.
        Assert.False((await optedOutClient.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("preferences").GetProperty("weeklySummary").GetBoolean());
        await ApiClient.EnsureSuccessAsync(await parentClient.PutAsJsonAsync("/api/v1/me/preferences", new { timeZone = "Europe/Berlin", weeklySummary = true }));
        await ApiClient.EnsureSuccessAsync(await optedOutClient.PutAsJsonAsync("/api/v1/me/preferences", new { emailNotifications = true }));
        await ApiClient.EnsureSuccessAsync(await germanClient.PutAsJsonAsync("/api/v1/me/preferences", new { timeZone = "Europe/Berlin", language = "de", weeklySummary = true }));
        Assert.True((await parentClient.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("preferences").GetProperty("weeklySummary").GetBoolean());

        // Tuesday 24 November: a game (of linear equations), percentages mastered, fractions a weak spot (1 of 5 right).
        await XapiStatementTests.PlayWithHintAndSlowAnswerAsync(factory, childClient);
        var points = (await childClient.GetFromJsonAsync<JsonElement>("/api/v1/xapi/statements")).GetProperty("statements").EnumerateArray()
            .Single(s => s.GetProperty("verb").GetProperty("display").GetProperty("en-US").GetString() == "completed")
            .GetProperty("result").GetProperty("score").GetProperty("raw").GetInt32();
        for (var i = 0; i < 3; i++)
        {
            await ProgressApiTests.AnswerAsync(factory, child.Id, "math.percentages", Guid.NewGuid(), correct: true);
        }

        for (var i = 0; i < 5; i++)
        {
            await ProgressApiTests.AnswerAsync(factory, child.Id, "math.fractions", Guid.NewGuid(), correct: i == 0);
        }

        // Sunday 29 November 17:30 in Berlin (16:30 UTC): not yet.
        AdvanceTo(factory, new DateTime(2026, 11, 29, 16, 30, 0, DateTimeKind.Utc));
        await RunSummariesAsync(factory);
        Assert.Empty(Summaries(parent));

        // 18:05 in Berlin: due. Two runs at once and a third after (a retry, a restart): one mail.
        AdvanceTo(factory, new DateTime(2026, 11, 29, 17, 5, 0, DateTimeKind.Utc));
        await Task.WhenAll(RunSummariesAsync(factory), RunSummariesAsync(factory));
        await RunSummariesAsync(factory);
        var mail = await fixture.Smtp.WaitForAsync(parent.Email, "Mia's week on StudyHub");
        await Task.Delay(300); // let a duplicate, if any, arrive
        Assert.Single(Summaries(parent));
        var text = mail.TextBody!;
        Assert.Contains("ended on Sunday 29 November 2026", text, StringComparison.Ordinal);
        Assert.Contains($"Mia — practice sessions: 1, points: {points.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en"))}.", text, StringComparison.Ordinal);
        Assert.Contains("Mastered this week:", text, StringComparison.Ordinal);
        Assert.Contains("Weak spots:", text, StringComparison.Ordinal);
        Assert.Contains("(20% right)", text, StringComparison.Ordinal);
        Assert.Contains($"http://studyhub.test/students/{child.Id}/progress", text, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(Summaries(optedOut));

        // The parent who reads German gets the same week in German, dates and numbers included.
        var inGerman = await fixture.Smtp.WaitForAsync(german.Email, "Die Woche von Mia auf StudyHub");
        Assert.Contains("die am Sonntag, 29. November 2026, endete.", inGerman.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Mia – Übungseinheiten: 1, Punkte: {points.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("de"))}.", inGerman.TextBody, StringComparison.Ordinal);
        Assert.Contains("(20 % richtig)", inGerman.TextBody, StringComparison.Ordinal);
        Assert.Contains("Fortschritt von Mia ansehen", inGerman.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"de\"", inGerman.HtmlBody, StringComparison.Ordinal);

        // The next Sunday evening: a new week without practice.
        AdvanceTo(factory, new DateTime(2026, 12, 6, 17, 5, 0, DateTimeKind.Utc));
        await RunSummariesAsync(factory);
        var mails = await fixture.Smtp.WaitForAllAsync(parent.Email, "Mia's week on StudyHub", 2);
        Assert.Contains("Mia did not practise this week.", mails[^1].TextBody, StringComparison.Ordinal);
        Assert.Empty(Summaries(optedOut));
    }

    [Fact]
    public async Task The_account_page_offers_parents_the_weekly_summary_unticked_and_saves_it()
    {
        using var factory = new StudyHubFactory();
        var parent = await factory.RegisterAndSignInAsync("parent");
        var student = await factory.RegisterAndSignInAsync("student");
        using var browser = await WebSession.SignInAsync(factory, parent);
        var page = await browser.PageAsync("/account");
        var box = WeeklyBox().Match(page);
        Assert.True(box.Success, "the parent's account page has no weekly-summary checkbox");
        Assert.DoesNotContain("checked", box.Value, StringComparison.Ordinal);

        var saved = WebSession.RedirectTarget(await browser.PostFormAsync("/account", "preferences", new() { ["TimeZone"] = "UTC", ["Language"] = "en", ["Theme"] = "system", ["WeeklySummary"] = "true" }));
        Assert.Equal("/account?saved=preferences", saved);
        Assert.Contains("checked", WeeklyBox().Match(await browser.PageAsync(saved)).Value, StringComparison.Ordinal);
        using var api = factory.CreateClientFor(parent);
        Assert.True((await api.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("preferences").GetProperty("weeklySummary").GetBoolean());

        // Saving again without the box ticked turns it off; a student is not offered it at all.
        await browser.PostFormAsync("/account", "preferences", new() { ["TimeZone"] = "UTC", ["Language"] = "en", ["Theme"] = "system" });
        Assert.False((await api.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("preferences").GetProperty("weeklySummary").GetBoolean());
        using var studentBrowser = await WebSession.SignInAsync(factory, student);
        Assert.DoesNotContain("name=\"WeeklySummary\"", await studentBrowser.PageAsync("/account"), StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input type=\"checkbox\" name=\"WeeklySummary\"[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex WeeklyBox();

    [Theory]
    [InlineData("2026-11-29T16:59:00Z", "Europe/Berlin", "2026-11-22", "2026-11-22T17:00:00Z")] // 17:59 in Berlin: still last week's
    [InlineData("2026-11-29T17:00:00Z", "Europe/Berlin", "2026-11-29", "2026-11-29T17:00:00Z")]
    [InlineData("2026-11-30T01:00:00Z", "America/New_York", "2026-11-29", "2026-11-29T23:00:00Z")] // Sunday 20:00 in New York
    [InlineData("2026-03-29T16:30:00Z", "Europe/Berlin", "2026-03-29", "2026-03-29T16:00:00Z")] // the day clocks went forward: 18:00 CEST
    public void The_summary_is_due_at_sunday_18_00_on_the_parents_clock(string now, string zone, string sunday, string due)
    {
        var (day, dueUtc) = WeeklySummarySchedule.LatestDue(
            DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
            TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal(DateOnly.Parse(sunday, System.Globalization.CultureInfo.InvariantCulture), day);
        Assert.Equal(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), dueUtc);
    }

    /// <summary>The summaries mailed to an account (registration also mails it, to verify the address).</summary>
    private List<MimeKit.MimeMessage> Summaries(TestAccount account) =>
        [.. fixture.Smtp.MessagesTo(account.Email).Where(m => (m.Subject ?? "").Contains("week on StudyHub", StringComparison.Ordinal))];

    private static void AdvanceTo(StudyHubFactory factory, DateTime utc) => factory.Clock.Advance(utc - factory.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Enqueues a summary run as the recurring schedule does, and waits until it and the mails it enqueued are done.</summary>
    private static async Task RunSummariesAsync(StudyHubFactory factory)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            db.Jobs.Add(Job.Create(SendWeeklyParentSummaries.JobKind, "{}", factory.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        await factory.SettleJobsAsync(SendWeeklyParentSummaries.JobKind);
        await factory.SettleJobsAsync(MailJobKind);
    }
}
