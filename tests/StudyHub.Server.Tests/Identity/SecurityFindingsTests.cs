using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity.Data;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>The findings of the attacker's pass over Identity (issue 6), each as it was tried.</summary>
public sealed partial class SecurityFindingsTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_a_clean_400_and_ends_nothing()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInOnTheWebAsync(client, "/dashboard");

        var forged = await client.PostAsync(new Uri("/signout", UriKind.Relative), new FormUrlEncodedContent([]));
        await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "antiforgery_failed");
        var bare = await client.PostAsync(new Uri("/signout", UriKind.Relative), null);
        await bare.AssertProblemAsync(HttpStatusCode.BadRequest, "antiforgery_failed");

        // Still signed in: the forged post changed nothing.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Web_sign_in_with_a_non_ascii_return_url_redirects_there_with_a_session()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SignInOnTheWebAsync(client, "/%C3%A9");

        var location = response.Headers.Location!;
        Assert.Equal("/%C3%A9", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("studyhub.session=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("Ann\u202Egro", "bidi override")]
    [InlineData("Ann\u2066x", "bidi isolate")]
    [InlineData("A\u200Bnn", "zero-width space")]
    [InlineData("Ann\u0000", "NUL")]
    [InlineData("Ann\u0007", "control")]
    [InlineData("Ann\uD800", "unpaired surrogate")]
    public async Task Display_names_with_invisible_or_control_characters_are_refused(string name, string why)
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = $"n{Guid.NewGuid():N}@example.org", password = ApiClient.DefaultPassword, displayName = name, role = "teacher" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.FieldErrors("displayName").Length == 1, why);

        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        using var api = _factory.CreateClientFor(teacher);
        var rename = await api.PatchAsJsonAsync("/api/v1/me", new { displayName = name });
        Assert.Single((await rename.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("displayName"));
    }

    [Fact]
    public async Task Display_names_are_stored_nfkc_normalised()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher", displayName: "\uFF2A\uFF4F\uFF45 \uFB01sh"); // fullwidth "Joe", the "fi" ligature
        using var api = _factory.CreateClientFor(teacher);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("Joe fish", me.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("\u0430lice@example.org", "Cyrillic a")]
    [InlineData("\uFF41lice@example.org", "fullwidth a")]
    [InlineData("al\u200Bice@example.org", "zero-width space")]
    [InlineData("alice@ex\u00E4mple.org", "non-ASCII domain")]
    public async Task Emails_that_could_pose_as_another_address_are_refused(string email, string why)
    {
        await _factory.RegisterAndSignInAsync("teacher", email: "alice@example.org");
        using var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = ApiClient.DefaultPassword, displayName = "Alice", role = "teacher" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.FieldErrors("email").Length == 1, why);
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_never_lock_the_owner_out_from_theirs()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await SignInFromAsync("203.0.113.5", student.Email, "Wrong-password-" + attempt)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await SignInFromAsync("203.0.113.5", student.Email, student.Password)).AssertProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
        Assert.Equal(HttpStatusCode.OK, (await SignInFromAsync("198.51.100.7", student.Email, student.Password)).StatusCode);

        _factory.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await SignInFromAsync("203.0.113.5", student.Email, student.Password)).StatusCode);
    }

    [Fact]
    public async Task Unknown_and_known_addresses_are_counted_and_locked_alike()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { student.Email, "nobody-here@example.org" })
        {
            var seen = answers[email] = [];
            for (var attempt = 1; attempt <= 6; attempt++)
            {
                var response = await SignInFromAsync("192.0.2.44", email, "Wrong-password-" + attempt);
                seen.Add($"{(int)response.StatusCode} {(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()}");
            }
        }

        // Five refusals, then the per-account-and-address limit: the same for both.
        Assert.Equal(answers[student.Email], answers["nobody-here@example.org"]);
        Assert.Equal("429 sign_in_rate_limited", answers[student.Email][5]);

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await SignInFromAsync("192.0.2.44", "nobody-here@example.org", "Wrong-password-7")).AssertProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
        await (await SignInFromAsync("192.0.2.44", student.Email, student.Password)).AssertProblemAsync(HttpStatusCode.TooManyRequests, "account_locked");
    }

    [Fact]
    public async Task After_erasure_the_email_and_name_are_in_neither_the_database_nor_its_wal_file()
    {
        using var factory = new StudyHubFactory().With("Database:Provider", "Sqlite").With("Database:ConnectionString", null);
        var email = $"forget-me-{Guid.NewGuid():N}@example.org";
        var name = $"Zelda{Guid.NewGuid():N}";
        var student = await factory.RegisterAndSignInAsync("student", email: email, displayName: name);
        using var api = factory.CreateClientFor(student);
        await ApiClient.EnsureSuccessAsync(await api.PatchAsJsonAsync("/api/v1/me", new { displayName = name + "X" }));
        var directory = factory.Services.GetRequiredService<IConfiguration>()["DataDirectory"]!;
        Assert.True(Contains(directory, email), "the email is stored before erasure (the check below can fail)");

        var erased = await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = student.Password }) });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        Assert.False(Contains(directory, email), "email bytes left in the data directory");
        Assert.False(Contains(directory, name), "display name bytes left in the data directory");
    }

    [Fact]
    public async Task The_export_holds_everything_stored_about_the_person()
    {
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2016, 4, 4));
        using var childApi = _factory.CreateClientFor(child);
        var code = await (await childApi.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<ParentalConsentTests.LinkCode>();
        await ApiClient.EnsureSuccessAsync(await _factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = child.RefreshToken }));
        await SignInFromAsync("203.0.113.9", child.Email, "Wrong-password-1");

        var export = await childApi.GetFromJsonAsync<JsonElement>("/api/v1/me/export");
        var account = export.GetProperty("account");

        Assert.Contains(account.GetProperty("parentLinkCodes").EnumerateArray(), c => c.GetProperty("code").GetString() == code!.Code);
        var protection = account.GetProperty("signInProtection");
        Assert.Equal(1, protection.GetProperty("failedSignInsSinceLastSuccess").GetInt32());
        Assert.Contains(protection.GetProperty("lockouts").EnumerateArray(), l => l.GetProperty("address").GetString() == "203.0.113.9");
        Assert.True(account.GetProperty("parentalConsent").TryGetProperty("grantedBy", out _));
        var session = Assert.Single(account.GetProperty("sessions").EnumerateArray());
        Assert.Equal(2, session.GetProperty("refreshTokens").GetArrayLength());
        Assert.Contains(account.GetProperty("securityEvents").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "auth.sign_in_failed" && e.GetProperty("ipAddress").GetString() == "203.0.113.9");
    }

    [Fact]
    public async Task Only_a_parent_with_a_verified_address_who_declares_being_an_adult_can_give_consent()
    {
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2016, 4, 4));
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var childApi = _factory.CreateClientFor(child);
        using var parentApi = _factory.CreateClientFor(parent);
        var code = await (await childApi.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<ParentalConsentTests.LinkCode>();
        await ApiClient.EnsureSuccessAsync(await parentApi.PostAsJsonAsync("/api/v1/parents/links", new { code = code!.Code }));

        foreach (var body in new object[] { new { }, new { declaresAdult = false } })
        {
            var refused = await parentApi.PostAsJsonAsync($"/api/v1/parents/children/{child.Id}/consent", body);
            Assert.Single((await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("declaresAdult"));
        }

        var unverified = await parentApi.PostAsJsonAsync($"/api/v1/parents/children/{child.Id}/consent", new { declaresAdult = true });
        await unverified.AssertProblemAsync(HttpStatusCode.Conflict, "email_unverified");
        Assert.True((await childApi.GetFromJsonAsync<JsonElement>("/api/v1/me/capabilities")).GetProperty("awaitingParentalConsent").GetBoolean());

        await _factory.MarkEmailVerifiedAsync(parent);
        var granted = await parentApi.PostAsJsonAsync($"/api/v1/parents/children/{child.Id}/consent", new { declaresAdult = true });
        await ApiClient.EnsureSuccessAsync(granted);
        Assert.Equal("parent", (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentBasis").GetString());
        var export = await childApi.GetFromJsonAsync<JsonElement>("/api/v1/me/export");
        Assert.Equal(parent.Id, export.GetProperty("account").GetProperty("parentalConsent").GetProperty("grantedBy").GetGuid());
    }

    [Fact]
    public async Task The_childs_teacher_records_school_authorised_consent_and_nobody_else_can()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher");
        var otherTeacher = await _factory.RegisterAndSignInAsync("teacher");
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2016, 4, 4));
        using var teacherApi = _factory.CreateClientFor(teacher);
        using var otherApi = _factory.CreateClientFor(otherTeacher);
        using var childApi = _factory.CreateClientFor(child);
        using var anonymous = _factory.CreateClient();
        var classroom = await (await teacherApi.PostAsJsonAsync("/api/v1/classrooms", new { name = "Maths 5", subject = "Math", grade = "5" })).Content.ReadFromJsonAsync<JsonElement>();
        var otherClassroom = await (await otherApi.PostAsJsonAsync("/api/v1/classrooms", new { name = "Art 5", subject = "Art", grade = "5" })).Content.ReadFromJsonAsync<JsonElement>();
        await ApiClient.EnsureSuccessAsync(await childApi.PostAsJsonAsync("/api/v1/classrooms/join", new { code = classroom.GetProperty("joinCode").GetString() }));
        var classroomId = classroom.GetProperty("id").GetGuid();
        Uri Consent(Guid room) => new($"/api/v1/classrooms/{room}/students/{child.Id}/school-consent", UriKind.Relative);

        await (await anonymous.PostAsync(Consent(classroomId), null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await childApi.PostAsync(Consent(classroomId), null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherApi.PostAsync(Consent(classroomId), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherApi.PostAsync(Consent(otherClassroom.GetProperty("id").GetGuid()), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await childApi.GetFromJsonAsync<JsonElement>("/api/v1/me/capabilities")).GetProperty("ai").GetBoolean());

        var recorded = await teacherApi.PostAsync(Consent(classroomId), null);
        await ApiClient.EnsureSuccessAsync(recorded);
        Assert.Equal("school", (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentBasis").GetString());
        Assert.True((await childApi.GetFromJsonAsync<JsonElement>("/api/v1/me/capabilities")).GetProperty("ai").GetBoolean());
    }

    // Sent straight into the test server, which lets a test choose the client's address.
    private async Task<HttpResponseMessage> SignInFromAsync(string address, string email, string password)
    {
        var context = await _factory.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/v1/auth/login";
            http.Request.ContentType = "application/json";
            var body = JsonSerializer.SerializeToUtf8Bytes(new { email, password });
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = body.Length;
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        var content = new StreamContent(context.Response.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", context.Response.ContentType);
        return new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode) { Content = content };
    }

    private async Task<HttpResponseMessage> SignInOnTheWebAsync(HttpClient client, string returnUrl)
    {
        var account = await _factory.RegisterAndSignInAsync("teacher");
        var url = "/signin?ReturnUrl=" + returnUrl;
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Form.Email"] = account.Email,
            ["Form.Password"] = account.Password,
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static bool Contains(string directory, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Any(file => File.ReadAllBytes(file).AsSpan().IndexOf(needle) >= 0);
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
