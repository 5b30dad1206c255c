using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyHub.Identity;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

/// <summary>The teacher, parent, account and admin pages, driven as a browser would: forms, redirects, refreshes.</summary>
public sealed class StaffPageTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_teacher_removes_a_student_and_can_undo_within_a_minute_but_not_after()
    {
        var (teacher, classroom, student) = await ClassWithStudentAsync("Maya Chen");
        using var browser = await WebSession.SignInAsync(_factory, teacher);
        var page = $"/classrooms/{classroom.Id}";

        var roster = await browser.PageAsync(page);
        Assert.Contains("Maya Chen", roster, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", roster, StringComparison.Ordinal);
        Assert.Contains($"/join/{classroom.JoinCode}", roster, StringComparison.Ordinal);

        // Remove (after the confirmation step), undo straight away: the student is back.
        var confirm = await browser.PageAsync($"{page}?confirm={student.Id}");
        Assert.Contains("Remove Maya Chen?", confirm, StringComparison.Ordinal);
        var removed = WebSession.RedirectTarget(await browser.PostFormAsync($"{page}?confirm={student.Id}", "remove-student", new() { ["StudentId"] = student.Id.ToString() }));
        var banner = await browser.PageAsync(removed);
        Assert.Contains("Maya Chen was removed from the class.", banner, StringComparison.Ordinal);
        Assert.Equal(0, await RosterCountAsync(teacher, classroom.Id));
        var token = Uri.UnescapeDataString(removed[(removed.IndexOf("removed=", StringComparison.Ordinal) + 8)..]);

        _factory.Clock.Advance(TimeSpan.FromSeconds(50));
        var restored = WebSession.RedirectTarget(await browser.PostFormAsync(removed, "undo-removal", new() { ["UndoToken"] = token }));
        Assert.Contains("Maya Chen is back in the class.", await browser.PageAsync(restored), StringComparison.Ordinal);
        Assert.Equal(1, await RosterCountAsync(teacher, classroom.Id));

        // Remove again and wait past the minute: the banner is gone and undo is refused.
        removed = WebSession.RedirectTarget(await browser.PostFormAsync($"{page}?confirm={student.Id}", "remove-student", new() { ["StudentId"] = student.Id.ToString() }));
        token = Uri.UnescapeDataString(removed[(removed.IndexOf("removed=", StringComparison.Ordinal) + 8)..]);
        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.DoesNotContain("was removed from the class", await browser.PageAsync(removed), StringComparison.Ordinal);
        var late = await browser.PostFormAsync(removed, "undo-removal", new() { ["UndoToken"] = token });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("more than a minute", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RosterCountAsync(teacher, classroom.Id));
    }

    [Fact]
    public async Task An_undo_token_for_one_class_restores_nobody_in_another_and_other_teachers_get_404()
    {
        var (teacher, classroom, student) = await ClassWithStudentAsync("Leo Park");
        using var teacherApi = _factory.CreateClientFor(teacher);
        var second = await ClassroomTests.CreateClassroomAsync(teacherApi, "Geometry");
        using var browser = await WebSession.SignInAsync(_factory, teacher);
        var removed = WebSession.RedirectTarget(await browser.PostFormAsync($"/classrooms/{classroom.Id}?confirm={student.Id}", "remove-student", new() { ["StudentId"] = student.Id.ToString() }));
        var token = Uri.UnescapeDataString(removed[(removed.IndexOf("removed=", StringComparison.Ordinal) + 8)..]);

        var elsewhere = await browser.PostFormAsync($"/classrooms/{second.Id}", "undo-removal", new() { ["UndoToken"] = token });
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal(0, await RosterCountAsync(teacher, second.Id));

        var other = await _factory.RegisterAndSignInAsync("teacher");
        using var otherBrowser = await WebSession.SignInAsync(_factory, other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBrowser.GetAsync($"/classrooms/{classroom.Id}")).StatusCode);
        using var otherApi = _factory.CreateClientFor(other);
        await (await otherApi.PutAsJsonAsync($"/api/v1/classrooms/{classroom.Id}/time-zone", new { timeZone = "Europe/Berlin" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_teacher_picks_a_class_time_zone_from_names_people_know()
    {
        var (teacher, classroom, _) = await ClassWithStudentAsync("Ana");
        using var browser = await WebSession.SignInAsync(_factory, teacher);
        var html = await browser.PageAsync($"/classrooms/{classroom.Id}");
        var berlin = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<option value=\"Europe/Berlin\"[^>]*>([^<]+)</option>").Groups[1].Value);
        Assert.Equal("Central European Time — Berlin (UTC+01:00)", berlin);

        WebSession.RedirectTarget(await browser.PostFormAsync($"/classrooms/{classroom.Id}", "time-zone", new() { ["TimeZone"] = "Europe/Berlin" }));
        using var api = _factory.CreateClientFor(teacher);
        Assert.Equal("Europe/Berlin", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/classrooms/{classroom.Id}")).GetProperty("timeZone").GetString());
        await (await api.PutAsJsonAsync($"/api/v1/classrooms/{classroom.Id}/time-zone", new { timeZone = "Mars/Olympus" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_parent_withdraws_consent_and_refreshing_shows_no_error_and_repeats_nothing()
    {
        var (parent, child) = await ParentWithConsentingChildAsync();
        using var browser = await WebSession.SignInAsync(_factory, parent);
        var page = $"/family/children/{child.Id}";
        Assert.Contains("Consent given", await browser.PageAsync(page), StringComparison.Ordinal);

        var target = WebSession.RedirectTarget(await browser.PostFormAsync(page, "withdraw", new()));
        Assert.Equal($"{page}?done=withdrawn", target);
        var first = await browser.PageAsync(target);
        var refreshed = await browser.PageAsync(target);
        Assert.Contains("Consent withdrawn", refreshed, StringComparison.Ordinal);
        Assert.Contains("Waiting for your consent", refreshed, StringComparison.Ordinal);
        Assert.Equal(Strip(first), Strip(refreshed));

        Assert.Equal(1, await AdminAuditAsync("consent.revoked"));
    }

    [Fact]
    public async Task A_parent_with_an_unverified_address_is_asked_to_verify_it_before_the_consent_form_appears()
    {
        var (parent, child) = await ParentWithConsentingChildAsync();
        using var parentApi = _factory.CreateClientFor(parent);
        await ApiClient.EnsureSuccessAsync(await parentApi.DeleteAsync(new Uri($"/api/v1/parents/children/{child.Id}/consent", UriKind.Relative)));
        var unverified = await _factory.RegisterAndSignInAsync("parent");
        using var unverifiedApi = _factory.CreateClientFor(unverified);
        using var childApi = _factory.CreateClientFor(child);
        var code = await (await childApi.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        await ApiClient.EnsureSuccessAsync(await unverifiedApi.PostAsJsonAsync("/api/v1/parents/links", new { code = code.GetProperty("code").GetString() }));
        var page = $"/family/children/{child.Id}";

        using (var browser = await WebSession.SignInAsync(_factory, unverified))
        {
            var html = await browser.PageAsync(page);
            Assert.Contains("Verify your email address first", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Give consent for", html, StringComparison.Ordinal);
        }

        using (var browser = await WebSession.SignInAsync(_factory, parent))
        {
            var html = await browser.PageAsync(page);
            Assert.DoesNotContain("Verify your email address first", html, StringComparison.Ordinal);
            Assert.Contains("Give consent for Leo Park", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_parent_downloads_the_childs_data_as_a_file_and_another_parent_gets_404()
    {
        var (parent, child) = await ParentWithConsentingChildAsync();
        using var browser = await WebSession.SignInAsync(_factory, parent);

        var file = await browser.GetAsync($"/family/children/{child.Id}/export");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("studyhub-child-data-2026-11-24", file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var json = JsonDocument.Parse(await file.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(child.Id, json.GetProperty("userId").GetGuid());

        var stranger = await _factory.RegisterAndSignInAsync("parent");
        using var strangerBrowser = await WebSession.SignInAsync(_factory, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"/family/children/{child.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerBrowser.GetAsync($"/family/children/{child.Id}/export")).StatusCode);
        var family = await strangerBrowser.PageAsync("/family");
        Assert.DoesNotContain("Leo Park", family, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_child_needs_the_typed_confirmation()
    {
        var (parent, child) = await ParentWithConsentingChildAsync();
        using var browser = await WebSession.SignInAsync(_factory, parent);
        var page = $"/family/children/{child.Id}";

        var refused = await browser.PostFormAsync(page, "delete-child", new() { ["DeleteConfirmation"] = "yes" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must be the word DELETE", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var target = WebSession.RedirectTarget(await browser.PostFormAsync(page, "delete-child", new() { ["DeleteConfirmation"] = "DELETE" }));
        Assert.Contains("Leo%20Park", target, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Account_page_never_writes_a_password_back_and_names_the_wrong_field()
    {
        var user = await _factory.RegisterAndSignInAsync("teacher");
        using var browser = await WebSession.SignInAsync(_factory, user);

        var failed = await browser.PostFormAsync("/account", "password", new() { ["CurrentPassword"] = "Wrong-password-1", ["NewPassword"] = "Another-Secret-77" });
        var html = await failed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.DoesNotContain("Wrong-password-1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Another-Secret-77", html, StringComparison.Ordinal);
        Assert.Contains("id=\"current-password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"current-password-error\"", html, StringComparison.Ordinal);

        var saved = WebSession.RedirectTarget(await browser.PostFormAsync("/account", "preferences", new() { ["TimeZone"] = "Europe/Berlin", ["Language"] = "de", ["Theme"] = "dark" }));
        Assert.Equal("/account?saved=preferences", saved);
        var after = await browser.PageAsync(saved);
        Assert.Contains("data-theme=\"dark\"", after, StringComparison.Ordinal);
        using var api = _factory.CreateClientFor(user);
        var preferences = (await api.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("preferences");
        Assert.Equal(("Europe/Berlin", "de", "dark", false), (preferences.GetProperty("timeZone").GetString(), preferences.GetProperty("language").GetString(), preferences.GetProperty("theme").GetString(), preferences.GetProperty("emailNotifications").GetBoolean()));

        var file = await browser.GetAsync("/account/export");
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Sign_out_everywhere_else_keeps_this_browser_and_ends_the_app_session()
    {
        var user = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebSession.SignInAsync(_factory, user);
        using var app = _factory.CreateClientFor(user);
        await ApiClient.EnsureSuccessAsync(await app.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));

        Assert.Equal("/account?saved=others", WebSession.RedirectTarget(await browser.PostFormAsync("/account", "revoke-others", new())));

        await (await app.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("only signed in here", await browser.PageAsync("/account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_pages_are_for_admins_only_and_show_sessions_and_the_audit_log()
    {
        var teacher = await _factory.RegisterAndSignInAsync("teacher", displayName: "Ms. Audit");
        using var teacherBrowser = await WebSession.SignInAsync(_factory, teacher);
        foreach (var url in new[] { "/admin/users", $"/admin/users/{teacher.Id}", "/admin/audit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await teacherBrowser.GetAsync(url)).StatusCode);
        }

        using var teacherApi = _factory.CreateClientFor(teacher);
        await (await teacherApi.GetAsync(new Uri("/api/v1/admin/audit", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        await (await teacherApi.GetAsync(new Uri($"/api/v1/admin/users/{teacher.Id}/sessions", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        using var anonymous = _factory.CreateClient();
        await (await anonymous.GetAsync(new Uri("/api/v1/admin/audit", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var admin = await NewAdminAsync();
        using var adminBrowser = await WebSession.SignInAsync(_factory, admin);
        var users = await adminBrowser.PageAsync("/admin/users?search=Audit&role=teacher");
        Assert.Contains("Ms. Audit", users, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/jobs\"", users, StringComparison.Ordinal);

        var sessions = await adminBrowser.PageAsync($"/admin/users/{teacher.Id}");
        var sessionId = System.Text.RegularExpressions.Regex.Match(sessions, "name=\"SessionId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(sessionId);
        WebSession.RedirectTarget(await adminBrowser.PostFormAsync($"/admin/users/{teacher.Id}", "revoke-session", new() { ["SessionId"] = sessionId }));

        using var adminApi = _factory.CreateClientFor(admin);
        await (await adminApi.DeleteAsync(new Uri($"/api/v1/admin/users/{teacher.Id}/sessions/{Guid.NewGuid()}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var audit = await adminBrowser.PageAsync("/admin/audit?eventType=auth.session_revoked&user=Audit");
        Assert.Contains("by an administrator", audit, StringComparison.Ordinal);
        await (await adminApi.GetAsync(new Uri("/api/v1/admin/audit?eventType=nonsense", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_sign_in_page_lists_demo_accounts_only_in_demo_mode()
    {
        using var anonymous = WebSession.Anonymous(_factory);
        Assert.DoesNotContain("Try a demo account", await anonymous.PageAsync("/signin"), StringComparison.Ordinal);

        // The host seeds the demo data as it starts (one account at a time, five password hashes: slow on a busy machine); wait for the last one, up to a minute.
        using var demo = new StudyHubFactory().With("SeedDemoData", "true");
        using var visitor = WebSession.Anonymous(demo);
        var page = await visitor.PageAsync("/signin");
        for (var attempt = 0; attempt < 300 && !page.Contains("parent@demo.studyhub.dev", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(200);
            page = await visitor.PageAsync("/signin");
        }

        Assert.Contains("Try a demo account", page, StringComparison.Ordinal);
        Assert.Contains("teacher@demo.studyhub.dev", page, StringComparison.Ordinal);

        Assert.Equal("/dashboard", WebSession.RedirectTarget(await visitor.PostFormAsync("/signin", "demo", new() { ["DemoEmail"] = "teacher@demo.studyhub.dev" })));
        Assert.Contains("Hello, Ms. Rivera", await visitor.PageAsync("/dashboard"), StringComparison.Ordinal);
    }

    private Task<(TestAccount Teacher, ClassroomTests.Classroom Classroom, TestAccount Student)> ClassWithStudentAsync(string studentName) =>
        ClassroomTests.ClassWithStudentAsync(_factory, studentName);

    private async Task<(TestAccount Parent, TestAccount Child)> ParentWithConsentingChildAsync()
    {
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2015, 6, 1), displayName: "Leo Park");
        var parent = await _factory.RegisterAndSignInAsync("parent");
        using var childApi = _factory.CreateClientFor(child);
        using var parentApi = _factory.CreateClientFor(parent);
        var code = await (await childApi.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        await ApiClient.EnsureSuccessAsync(await parentApi.PostAsJsonAsync("/api/v1/parents/links", new { code = code.GetProperty("code").GetString() }));
        await _factory.MarkEmailVerifiedAsync(parent);
        await ApiClient.EnsureSuccessAsync(await parentApi.PostAsJsonAsync($"/api/v1/parents/children/{child.Id}/consent", new { declaresAdult = true }));
        return (parent, child);
    }

    private async Task<int> RosterCountAsync(TestAccount teacher, Guid classroomId)
    {
        using var api = _factory.CreateClientFor(teacher);
        return (await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/classrooms/{classroomId}/students"))!.Count;
    }

    private async Task<int> AdminAuditAsync(string eventType)
    {
        var admin = await NewAdminAsync();
        using var api = _factory.CreateClientFor(admin);
        return (await api.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?eventType={eventType}")).GetProperty("total").GetInt32();
    }

    private async Task<TestAccount> NewAdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        var id = await IdentityModule.CreateAdministratorAsync(_factory.Services, email, ApiClient.DefaultPassword, "Admin", CancellationToken.None);
        using var client = _factory.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.DefaultPassword })).Content.ReadFromJsonAsync<JsonElement>();
        return new TestAccount(id, email, ApiClient.DefaultPassword, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
    }

    // The antiforgery token differs on each render; everything else must be the same.
    private static string Strip(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" value=\"[^\"]+\"", "");
}
