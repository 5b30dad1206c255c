using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace StudyHub.Server.Tests.Infrastructure;

public sealed record TestAccount(Guid Id, string Email, string Password, string AccessToken, string RefreshToken);

/// <summary>Shortcuts that go through the real HTTP API, so tests exercise what clients do.</summary>
public static class ApiClient
{
    public const string DefaultPassword = "Correct-Horse-42";

    public static async Task<TestAccount> RegisterAndSignInAsync(
        this StudyHubFactory factory,
        string role = "student",
        DateOnly? birthDate = null,
        string? email = null,
        string? displayName = null)
    {
        using var client = factory.CreateClient();
        email ??= $"{role}-{Guid.NewGuid():N}@example.org";
        if (role == "student")
        {
            birthDate ??= new DateOnly(2008, 5, 1);
        }

        var register = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            email,
            password = DefaultPassword,
            displayName = displayName ?? $"Test {role}",
            role,
            birthDate,
        });
        await EnsureSuccessAsync(register);
        var created = await register.Content.ReadFromJsonAsync<IdOnly>();

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DefaultPassword });
        await EnsureSuccessAsync(login);
        var tokens = await login.Content.ReadFromJsonAsync<Tokens>();
        return new TestAccount(created!.Id, email, DefaultPassword, tokens!.AccessToken, tokens.RefreshToken);
    }

    /// <summary>A client that sends the account's access token.</summary>
    public static HttpClient CreateClientFor(this StudyHubFactory factory, TestAccount account)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        return client;
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    private sealed record IdOnly(Guid Id);

    private sealed record Tokens(string AccessToken, string RefreshToken);
}
