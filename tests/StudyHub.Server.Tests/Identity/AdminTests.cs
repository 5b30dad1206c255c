using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Identity;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class AdminTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_admin_finds_users_changes_a_role_and_disables_an_account()
    {
        var admin = await SignInNewAdminAsync();
        var teacher = await _factory.RegisterAndSignInAsync("teacher", email: "findme@school.example.org", displayName: "Mr. Findme");
        using var adminClient = _factory.CreateClientFor(admin);
        using var teacherClient = _factory.CreateClientFor(teacher);

        var page = await adminClient.GetFromJsonAsync<UserPage>("/api/v1/admin/users?search=findme&pageSize=10");
        var found = Assert.Single(page!.Items);
        Assert.Equal(("findme@school.example.org", "teacher"), (found.Email, found.Role));

        var promoted = await adminClient.PutAsJsonAsync($"/api/v1/admin/users/{teacher.Id}/role", new { role = "parent" });
        Assert.Equal("parent", (await promoted.Content.ReadFromJsonAsync<UserSummary>())!.Role);

        var disabled = await adminClient.PostAsync(new Uri($"/api/v1/admin/users/{teacher.Id}/disable", UriKind.Relative), null);
        Assert.True((await disabled.Content.ReadFromJsonAsync<UserSummary>())!.Disabled);
        await (await teacherClient.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = _factory.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "account_disabled");

        await ApiClient.EnsureSuccessAsync(await adminClient.PostAsync(new Uri($"/api/v1/admin/users/{teacher.Id}/enable", UriKind.Relative), null));
        await ApiClient.EnsureSuccessAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = teacher.Email, password = teacher.Password }));
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_and_bad_roles_are_named()
    {
        var admin = await SignInNewAdminAsync();
        using var client = _factory.CreateClientFor(admin);

        await (await client.PutAsJsonAsync($"/api/v1/admin/users/{admin.Id}/role", new { role = "teacher" })).AssertProblemAsync(HttpStatusCode.Conflict, "last_admin");
        var bad = await (await client.PutAsJsonAsync($"/api/v1/admin/users/{admin.Id}/role", new { role = "overlord" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("role"));
        await (await client.PutAsJsonAsync($"/api/v1/admin/users/{Guid.NewGuid()}/role", new { role = "teacher" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(new Uri("/api/v1/admin/users?pageSize=1000", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<TestAccount> SignInNewAdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await IdentityModule.CreateAdministratorAsync(_factory.Services, email, ApiClient.DefaultPassword, "Admin", CancellationToken.None);
        using var client = _factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.DefaultPassword });
        var tokens = (await login.Content.ReadFromJsonAsync<AccountTests.Tokens>())!;
        using var adminClient = _factory.CreateClientFor(new TestAccount(Guid.Empty, email, ApiClient.DefaultPassword, tokens.AccessToken, tokens.RefreshToken));
        var me = await adminClient.GetFromJsonAsync<UserSummary>("/api/v1/me");
        return new TestAccount(me!.Id, email, ApiClient.DefaultPassword, tokens.AccessToken, tokens.RefreshToken);
    }

    private sealed record UserPage(List<UserSummary> Items, int Total);

    private sealed record UserSummary(Guid Id, string Email, string Role, bool Disabled);
}
