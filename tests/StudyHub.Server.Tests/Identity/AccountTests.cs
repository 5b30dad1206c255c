using System.Net;
using System.Net.Http.Json;
using System.Text;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class AccountTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_refresh_token_rotates_and_a_reused_one_ends_the_whole_session()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClient();

        var rotated = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken });
        await ApiClient.EnsureSuccessAsync(rotated);
        var fresh = (await rotated.Content.ReadFromJsonAsync<Tokens>())!;
        Assert.NotEqual(student.RefreshToken, fresh.RefreshToken);

        var reused = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken });
        await reused.AssertProblemAsync(HttpStatusCode.Unauthorized, "refresh_token_reused");

        // The thief's copy and the rightful new token are both dead now, and so are the access tokens.
        var afterTheft = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = fresh.RefreshToken });
        await afterTheft.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var withNewAccess = _factory.CreateClientFor(student with { AccessToken = fresh.AccessToken });
        await (await withNewAccess.GetAsync(Url("/api/v1/me"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_refreshes_racing_with_one_token_never_both_succeed()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var first = _factory.CreateClient();
        using var second = _factory.CreateClient();

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken }),
            second.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = student.RefreshToken }));

        Assert.True(responses.Count(r => r.IsSuccessStatusCode) <= 1, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode || r.StatusCode == HttpStatusCode.Unauthorized, $"got {(int)r.StatusCode}"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_its_tokens()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var client = _factory.CreateClientFor(teacher);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(Url("/api/v1/auth/logout"), null)).StatusCode);

        await (await client.GetAsync(Url("/api/v1/me"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = _factory.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = teacher.RefreshToken })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_sees_their_devices_and_revokes_one()
    {
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var phone = _factory.CreateClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1");
        var phoneLogin = await phone.PostAsJsonAsync("/api/v1/auth/login", new { email = parent.Email, password = parent.Password });
        var phoneTokens = (await phoneLogin.Content.ReadFromJsonAsync<Tokens>())!;
        using var laptop = _factory.CreateClientFor(parent);

        var sessions = (await laptop.GetFromJsonAsync<List<Session>>("/api/v1/me/sessions"))!;
        Assert.Equal(2, sessions.Count);
        Assert.Single(sessions, s => s.Current);
        var phoneSession = Assert.Single(sessions, s => s.Device == "Safari on iOS");

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync(Url($"/api/v1/me/sessions/{phoneSession.Id}"))).StatusCode);

        using var phoneApi = _factory.CreateClientFor(parent with { AccessToken = phoneTokens.AccessToken });
        await (await phoneApi.GetAsync(Url("/api/v1/me"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await ApiClient.EnsureSuccessAsync(await laptop.GetAsync(Url("/api/v1/me")));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_from_that_address()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClient();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1)); // a fresh rate-limit window: the lockout rule is what this test is about

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = "Wrong-password-" + attempt });
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(1)); // past the per-minute limit, into the lockout
        var locked = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password });
        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
        Assert.NotNull(locked.Headers.RetryAfter);

        _factory.Clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(1));
        await ApiClient.EnsureSuccessAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = student.Password }));
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var client = _factory.CreateClient();

        var unknown = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.org", password = "Whatever-123" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var wrong = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = student.Email, password = "Whatever-123" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"email\":\"a@b.org\",", "malformed_json")]
    [InlineData("{\"email\":42}", "malformed_json")]
    [InlineData("[]", "malformed_json")]
    public async Task Malformed_registrations_are_refused_with_a_clear_problem(string body, string code)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync(Url("/api/v1/auth/register"), new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Registration_names_each_bad_field_and_stores_nothing()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            email = "not-an-email",
            password = new string('p', 1_000),
            displayName = "",
            role = "wizard",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("is not a valid email address.", problem.FieldErrors("email"));
        Assert.Contains("must be at most 128 characters.", problem.FieldErrors("password"));
        Assert.Contains("is required.", problem.FieldErrors("displayName"));
        Assert.Contains("must be student, teacher or parent.", problem.FieldErrors("role"));
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "not-an-email", password = "whatever-123" });
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("3")]
    [InlineData("student,admin")]
    public async Task Nobody_registers_as_admin_or_with_a_made_up_role(string role)
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "x@example.org", password = "Correct-Horse-42", displayName = "X", role });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(problem.FieldErrors("role"));
    }

    [Fact]
    public async Task Html_and_sql_in_a_name_are_stored_verbatim_and_harmless()
    {
        const string name = "<script>alert(1)</script>'; DROP TABLE users;--";
        var student = await _factory.RegisterAndSignInAsync("student", displayName: name);
        using var client = _factory.CreateClientFor(student);

        var response = await client.GetAsync(Url("/api/v1/me"));
        var me = await response.Content.ReadFromJsonAsync<Profile>();

        // Stored as typed; served as JSON that browsers must not sniff into HTML.
        Assert.Equal(name, me!.DisplayName);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_same_email_in_another_case_is_taken_without_saying_so()
    {
        var first = await _factory.RegisterAndSignInAsync("teacher", email: "Rivera@School.example.org");
        using var client = _factory.CreateClient();

        // Answered like a new registration (MailFlowTests compares the two), but no account is made.
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "rivera@school.EXAMPLE.org", password = "Other-Horse-43", displayName = "Copy", role = "teacher" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "rivera@school.example.org", password = "Other-Horse-43" });
        await signIn.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.NotEqual(Guid.Empty, first.Id);
    }

    [Fact]
    public async Task A_student_needs_a_real_birth_date()
    {
        using var client = _factory.CreateClient();

        var future = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "kid@example.org", password = "Correct-Horse-42", displayName = "Kid", role = "student", birthDate = "2030-01-01" });
        var missing = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "kid@example.org", password = "Correct-Horse-42", displayName = "Kid", role = "student" });

        Assert.NotEmpty((await future.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("birthDate"));
        Assert.NotEmpty((await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("birthDate"));
    }

    [Fact]
    public async Task The_export_holds_the_users_data_and_erasure_removes_it()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher", email: "erase.me@example.org", displayName: "Erase Me");
        using var client = _factory.CreateClientFor(teacher);
        await ClassroomTests.CreateClassroomAsync(client, "Biology");

        var export = await client.GetStringAsync(Url("/api/v1/me/export"));
        Assert.Contains("erase.me@example.org", export, StringComparison.Ordinal);
        Assert.Contains("Biology", export, StringComparison.Ordinal);

        var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = "wrong-password" }) });
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        var erased = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = teacher.Password }) });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        await (await client.GetAsync(Url("/api/v1/me"))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = _factory.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // The address is free again: nothing personal is left behind.
        await _factory.RegisterAndSignInAsync("teacher", email: "erase.me@example.org");
    }

    internal sealed record Tokens(string AccessToken, string RefreshToken, int ExpiresIn);

    internal sealed record Session(Guid Id, string Device, bool Current);

    private sealed record Profile(string DisplayName);

    private static Uri Url(string path) => new(path, UriKind.Relative);
}
