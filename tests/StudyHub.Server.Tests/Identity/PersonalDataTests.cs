using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Privacy;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class PersonalDataTests
{
    [Fact]
    public async Task A_module_added_later_joins_export_and_erasure_by_registering_a_contributor()
    {
        var notes = new NotesModule();
        using var baseFactory = new StudyHubFactory();
        using var factory = baseFactory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IPersonalDataContributor>(notes)));
        using var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "n@example.org", password = ApiClient.DefaultPassword, displayName = "N", role = "parent" });
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "n@example.org", password = ApiClient.DefaultPassword })).Content.ReadFromJsonAsync<AccountTests.Tokens>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens!.AccessToken);

        var export = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/export");
        Assert.Equal("remember the milk", export.GetProperty("notes").GetProperty("text").GetString());
        Assert.Equal("n@example.org", export.GetProperty("account").GetProperty("profile").GetProperty("email").GetString());

        var erased = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me") { Content = JsonContent.Create(new { password = ApiClient.DefaultPassword }) });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Single(notes.Erased);
    }

    [Fact]
    public async Task A_parent_exports_and_erases_their_linked_child()
    {
        using var factory = new StudyHubFactory();
        var child = await factory.RegisterAndSignInAsync("student", new DateOnly(2016, 4, 4), email: "kid@example.org");
        var parent = await factory.RegisterAndSignInAsync("parent");
        using var childClient = factory.CreateClientFor(child);
        using var parentClient = factory.CreateClientFor(parent);
        var code = await (await childClient.PostAsync(new Uri("/api/v1/me/parent-link-codes", UriKind.Relative), null)).Content.ReadFromJsonAsync<ParentalConsentTests.LinkCode>();
        await ApiClient.EnsureSuccessAsync(await parentClient.PostAsJsonAsync("/api/v1/parents/links", new { code = code!.Code }));

        var export = await parentClient.GetStringAsync(new Uri($"/api/v1/parents/children/{child.Id}/export", UriKind.Relative));
        Assert.Contains("kid@example.org", export, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await parentClient.DeleteAsync(new Uri($"/api/v1/parents/children/{child.Id}", UriKind.Relative))).StatusCode);
        await (await childClient.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty((await parentClient.GetFromJsonAsync<List<ParentalConsentTests.Child>>("/api/v1/parents/children"))!);
    }

    private sealed class NotesModule : IPersonalDataContributor
    {
        public List<Guid> Erased { get; } = [];

        public string Section => "notes";

        public Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) => Task.FromResult<object?>(new { text = "remember the milk" });

        public Task EraseAsync(Guid userId, CancellationToken cancellationToken)
        {
            Erased.Add(userId);
            return Task.CompletedTask;
        }
    }
}
