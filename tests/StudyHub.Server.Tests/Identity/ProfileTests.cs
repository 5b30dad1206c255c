using System.Net;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class ProfileTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_user_renames_themselves_and_sets_preferences()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        await ApiClient.EnsureSuccessAsync(await client.PatchAsJsonAsync("/api/v1/me", new { displayName = "  Ada L.  " }));
        var updated = await client.PutAsJsonAsync("/api/v1/me/preferences", new { language = "es", timeZone = "Europe/Madrid", theme = "dark" });
        await ApiClient.EnsureSuccessAsync(updated);

        var me = await client.GetFromJsonAsync<Profile>("/api/v1/me");
        Assert.Equal("Ada L.", me!.DisplayName);
        Assert.Equal(new Preferences("es", "Europe/Madrid", "dark", true), me.Preferences);
    }

    [Fact]
    public async Task Bad_preferences_are_named_and_nothing_changes()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClientFor(student);

        var response = await client.PutAsJsonAsync("/api/v1/me/preferences", new { language = "klingon", timeZone = "Moon/Base", theme = "neon" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(problem.FieldErrors("language"));
        Assert.NotEmpty(problem.FieldErrors("timeZone"));
        Assert.NotEmpty(problem.FieldErrors("theme"));
        var me = await client.GetFromJsonAsync<Profile>("/api/v1/me");
        Assert.Equal(new Preferences("en", "UTC", "system", true), me!.Preferences);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_other_devices_and_the_old_password_stops_working()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var anonymous = _factory.CreateClient();
        var other = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password })).Content.ReadFromJsonAsync<AccountTests.Tokens>();
        using var client = _factory.CreateClientFor(teacher);

        var wrong = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "nope-nope-1", newPassword = "A-new-passphrase-7" });
        Assert.NotEmpty((await wrong.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("currentPassword"));

        var changed = await client.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = teacher.Password, newPassword = "A-new-passphrase-7" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await ApiClient.EnsureSuccessAsync(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        using var otherDevice = _factory.CreateClientFor(teacher with { AccessToken = other!.AccessToken });
        await (await otherDevice.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await ApiClient.EnsureSuccessAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = "A-new-passphrase-7" }));
    }

    [Fact]
    public async Task Sign_in_is_limited_to_five_attempts_a_minute_per_account()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClient();

        // RegisterAndSignIn used one attempt; four more succeed.
        for (var i = 0; i < 4; i++)
        {
            await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password }));
        }

        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password });
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "sign_in_rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password }));
    }

    [Fact]
    public async Task Sign_in_from_one_address_is_limited_per_minute_but_generously()
    {
        using var factory = new StudyHubFactory().With("Auth:SignInAttemptsPerAddressPerMinute", "3");
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"nobody{i}@example.org", password = "whatever-123" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody9@example.org", password = "whatever-123" }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests, "sign_in_rate_limited");
    }

    private sealed record Preferences(string Language, string TimeZone, string Theme, bool EmailNotifications);

    private sealed record Profile(string DisplayName, Preferences Preferences);
}
