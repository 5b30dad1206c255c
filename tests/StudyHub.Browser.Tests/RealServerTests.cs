using System.Net;
using System.Text;
using System.Text.Json;

namespace StudyHub.Browser.Tests;

/// <summary>Behaviour only a real Kestrel server shows (the in-memory test server enforces no body limits).</summary>
[Collection(BrowserCollection.Name)]
public sealed class RealServerTests(StudyHubServer server)
{
    [Fact]
    public async Task A_one_megabyte_password_is_refused_with_413_and_stores_nothing()
    {
        var body = "{\"email\":\"huge@example.org\",\"password\":\"" + new string('p', 1024 * 1024) + "\",\"displayName\":\"Huge\",\"role\":\"teacher\"}";

        var response = await server.Api.PostAsync(new Uri("/api/v1/auth/register", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("payload_too_large", problem.GetProperty("code").GetString());

        var login = await server.Api.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new StringContent("{\"email\":\"huge@example.org\",\"password\":\"whatever-123\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }
}
