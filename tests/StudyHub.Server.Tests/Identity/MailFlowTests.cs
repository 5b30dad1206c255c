using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;
using StudyHub.Kernel.Auditing;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;
using StudyHub.Server.Tests.Jobs;

namespace StudyHub.Server.Tests.Identity;

/// <summary>One real SMTP server (python3-aiosmtpd on a free loopback port) for the class; each test reads the mails it caused.</summary>
public sealed class SmtpCatcherFixture : IAsyncLifetime
{
    public SmtpCatcher Smtp { get; private set; } = default!;

    public async Task InitializeAsync() => Smtp = await SmtpCatcher.StartAsync();

    public async Task DisposeAsync() => await Smtp.DisposeAsync();
}

/// <summary>Verify address, forgot → mail → reset, registration and sign-in notices, through a real SMTP server.</summary>
public sealed class MailFlowTests(SmtpCatcherFixture fixture) : IClassFixture<SmtpCatcherFixture>
{
    private const string NewPassword = "Blue-Kettle-Morning-7";

    private SmtpCatcher Smtp => fixture.Smtp;

    private StudyHubFactory NewHost() => new StudyHubFactory()
        .With("Mail:Smtp:Host", "127.0.0.1")
        .With("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Mail:Smtp:UseTls", "false")
        .With("Mail:PublicUrl", "http://studyhub.test")
        .With("Jobs:RetryBaseDelay", "00:00:00");

    private static async Task<string> ResetTokenAsync(StudyHubFactory factory, SmtpCatcher smtp, string email)
    {
        using var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email })).EnsureSuccessStatusCode();
        await factory.Runner().RunDueJobsAsync();
        var mail = await smtp.WaitForAsync(email, "Reset your StudyHub password");
        return TokenOf(SmtpCatcher.LinkIn(mail, "/reset-password"));
    }

    private static string TokenOf(Uri link) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);

    [Fact]
    public async Task A_user_who_forgot_their_password_resets_it_from_the_mail_and_every_old_session_ends()
    {
        using var factory = NewHost();
        var student = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClient();

        var asked = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = student.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await factory.Runner().RunDueJobsAsync();

        var mail = await Smtp.WaitForAsync(student.Email, "Reset your StudyHub password");
        Assert.Contains("expires in 30 minutes", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://studyhub.test/reset-password?token=", mail.HtmlBody, StringComparison.Ordinal);
        var link = SmtpCatcher.LinkIn(mail, "/reset-password");
        Assert.Equal("studyhub.test", link.Host);

        var reset = await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = TokenOf(link), newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        // The sessions opened with the old password are over, access and refresh alike.
        using var oldSession = factory.CreateClientFor(student);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldSession.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        await (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password })).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        // The owner is told, the audit log has it, and the link proved the address.
        await factory.Runner().RunDueJobsAsync();
        await Smtp.WaitForAsync(student.Email, "Your StudyHub password was changed");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EventType == AuditEvents.PasswordReset && e.SubjectId == student.Id));
            Assert.NotNull((await db.Users.SingleAsync(u => u.Id == student.Id)).EmailVerifiedAt);
            Assert.All(await db.AccountTokens.Where(t => t.UserId == student.Id).ToListAsync(), t => Assert.Equal(64, t.SecretHash.Length));
        }

        var again = await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = TokenOf(link), newPassword = "Another-Fresh-Pass-9" });
        var problem = await again.AssertProblemAsync(HttpStatusCode.BadRequest, "link_used");
        Assert.Contains("already been used", problem.GetProperty("detail").GetString() ?? problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_link_is_refused_when_expired_tampered_with_or_meant_for_something_else()
    {
        using var factory = NewHost();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        using var client = factory.CreateClient();
        var token = await ResetTokenAsync(factory, Smtp, teacher.Email);

        var tampered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];
        await (await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = tampered, newPassword = NewPassword })).AssertProblemAsync(HttpStatusCode.BadRequest, "link_invalid");
        await (await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = "", newPassword = NewPassword })).AssertProblemAsync(HttpStatusCode.BadRequest, "link_invalid");

        // A verification link (same signing, other purpose) cannot reset a password.
        var verification = TokenOf(SmtpCatcher.LinkIn(await Smtp.WaitForAsync(teacher.Email, "Confirm your StudyHub email address"), "/verify-email"));
        await (await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token = verification, newPassword = NewPassword })).AssertProblemAsync(HttpStatusCode.BadRequest, "link_invalid");

        // A weak password is refused without using the link up.
        var weak = await (await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = "password" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(weak.FieldErrors("newPassword"));

        // Thirty minutes, as the mail says.
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        await (await client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword = NewPassword })).AssertProblemAsync(HttpStatusCode.BadRequest, "link_expired");
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password })).EnsureSuccessStatusCodeAsync();
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_known_and_unknown_addresses_and_mails_only_the_owner()
    {
        using var factory = NewHost();
        var parent = await factory.RegisterAndSignInAsync("parent");
        var stranger = $"nobody-{Guid.NewGuid():N}@example.org";
        using var client = factory.CreateClient();

        var known = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = parent.Email });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = stranger });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await factory.Runner().RunDueJobsAsync();
        await Smtp.WaitForAsync(parent.Email, "Reset your StudyHub password");
        Assert.Empty(Smtp.MessagesTo(stranger));
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_like_a_new_one_and_tells_the_owner()
    {
        using var factory = NewHost();
        var owner = await factory.RegisterAndSignInAsync("teacher", email: $"Rivera-{Guid.NewGuid():N}@School.example.org", displayName: "Ms. Rivera");
        using var client = factory.CreateClient();

        var fresh = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"new-{Guid.NewGuid():N}@example.org", password = "Correct-Horse-42", displayName = "Copy", role = "teacher" });
        var taken = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = owner.Email.ToLowerInvariant(), password = "Correct-Horse-42", displayName = "Copy", role = "teacher" });

        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        Assert.Equal(Shape(await fresh.Content.ReadAsStringAsync()), Shape(await taken.Content.ReadAsStringAsync()));
        var claimed = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(owner.Id, claimed.GetProperty("id").GetGuid());

        await factory.Runner().RunDueJobsAsync();
        var notice = await Smtp.WaitForAsync(owner.Email, "Someone tried to register");
        Assert.Contains("Hi Ms. Rivera", notice.TextBody, StringComparison.Ordinal);
        // Nothing changed for the owner: their password still works and no second account exists.
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = owner.Password })).EnsureSuccessStatusCodeAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.CountAsync(u => u.NormalizedEmail == owner.Email.ToLowerInvariant()));
    }

    private static string Shape(string json) =>
        string.Join(",", JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}"));

    [Fact]
    public async Task A_new_account_confirms_its_address_with_the_mailed_link_once()
    {
        using var factory = NewHost();
        var parent = await factory.RegisterAndSignInAsync("parent");
        using var me = factory.CreateClientFor(parent);
        Assert.False((await me.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("emailVerified").GetBoolean());

        await factory.Runner().RunDueJobsAsync();
        var mail = await Smtp.WaitForAsync(parent.Email, "Confirm your StudyHub email address");
        var token = TokenOf(SmtpCatcher.LinkIn(mail, "/verify-email"));
        using var anonymous = factory.CreateClient();

        var confirmed = await anonymous.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await me.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("emailVerified").GetBoolean());
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/verify-email", new { token })).AssertProblemAsync(HttpStatusCode.BadRequest, "link_used");
        await (await me.PostAsync(new Uri("/api/v1/me/email-verification", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict, "email_already_verified");
        await (await anonymous.PostAsync(new Uri("/api/v1/me/email-verification", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_verification_link_expires_and_a_new_one_can_be_asked_for()
    {
        using var factory = NewHost();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        await factory.Runner().RunDueJobsAsync();
        var first = TokenOf(SmtpCatcher.LinkIn(await Smtp.WaitForAsync(teacher.Email, "Confirm your StudyHub email address"), "/verify-email"));
        using var anonymous = factory.CreateClient();

        factory.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/verify-email", new { token = first })).AssertProblemAsync(HttpStatusCode.BadRequest, "link_expired");

        // Signed in again (the access token expired with the clock), the owner asks for a fresh link.
        var tokens = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password })).Content.ReadFromJsonAsync<JsonElement>();
        using var me = factory.CreateClient();
        me.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await me.PostAsync(new Uri("/api/v1/me/email-verification", UriKind.Relative), null)).StatusCode);
        await factory.Runner().RunDueJobsAsync();
        var links = (await Smtp.WaitForAllAsync(teacher.Email, "Confirm your StudyHub email address", 2)).Select(m => TokenOf(SmtpCatcher.LinkIn(m, "/verify-email"))).ToList();
        var second = Assert.Single(links, token => token != first);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/verify-email", new { token = second })).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_is_limited_per_address_whether_or_not_it_has_an_account()
    {
        using var factory = NewHost();
        var student = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClient();
        foreach (var email in new[] { student.Email, $"nobody-{Guid.NewGuid():N}@example.org" })
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email })).StatusCode);
            }

            var limited = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });
            await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "mail_rate_limited");
        }

        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = student.Email })).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_is_limited_per_client_address_across_many_addresses()
    {
        using var factory = NewHost().With("Auth:MailRequestsPerClientPerHour", "5");
        using var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = $"walk-{i}@example.org" })).StatusCode);
        }

        await (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "walk-6@example.org" })).AssertProblemAsync(HttpStatusCode.TooManyRequests, "mail_rate_limited");
    }

    [Fact]
    public async Task Signing_in_from_a_new_device_mails_the_owner_and_a_known_device_does_not()
    {
        using var factory = NewHost();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        using var phone = factory.CreateClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile");

        await (await phone.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password })).EnsureSuccessStatusCodeAsync();
        await (await phone.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password })).EnsureSuccessStatusCodeAsync();
        await factory.Runner().RunDueJobsAsync();

        var notice = await Smtp.WaitForAsync(teacher.Email, "New sign-in to your StudyHub account");
        Assert.Contains("http://studyhub.test/account", notice.TextBody, StringComparison.Ordinal);
        Assert.Single(Smtp.MessagesTo(teacher.Email), m => (m.Subject ?? "").StartsWith("New sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mails_are_written_in_the_users_language()
    {
        using var factory = NewHost();
        var parent = await factory.RegisterAndSignInAsync("parent");
        using var me = factory.CreateClientFor(parent);
        (await me.PutAsJsonAsync("/api/v1/me/preferences", new { language = "es" })).EnsureSuccessStatusCode();

        using var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = parent.Email })).EnsureSuccessStatusCode();
        await factory.Runner().RunDueJobsAsync();

        var mail = await Smtp.WaitForAsync(parent.Email, "Restablece tu contraseña");
        Assert.Contains("caduca en 30 minutos", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_for_good_goes_to_the_dead_letters_without_retrying()
    {
        using var factory = NewHost();
        var refused = await factory.RegisterAndSignInAsync("teacher", email: $"refuse-{Guid.NewGuid():N}@example.org");
        await factory.Runner().RunDueJobsAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var job = await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Kind == "identity.send-mail");
        Assert.Equal(JobState.DeadLettered, job.State);
        Assert.Equal(1, job.Attempts);
        Assert.Contains("550", job.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Email, job.Payload, StringComparison.Ordinal); // the queued mail is sealed
    }

    [Fact]
    public async Task Without_an_smtp_server_mails_are_written_to_the_data_directory()
    {
        using var factory = new StudyHubFactory();
        var student = await factory.RegisterAndSignInAsync("student");
        await factory.Runner().RunDueJobsAsync();

        var folder = Path.Combine(factory.Services.GetRequiredService<IConfiguration>()["DataDirectory"]!, "mail-outbox");
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var mail = MimeKit.MimeMessage.Load(file);
        Assert.Equal(student.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("Confirm your StudyHub email address", mail.Subject);
        Assert.NotNull(mail.HtmlBody);
    }
}

internal static class ResponseExtensions
{
    public static async Task EnsureSuccessStatusCodeAsync(this HttpResponseMessage response) => await ApiClient.EnsureSuccessAsync(response);
}
