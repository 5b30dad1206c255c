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

        // Expect: 100-continue, as browsers and proxies do for big bodies: the server refuses from the
        // declared length before any of the megabyte is sent. Without it the client may still be writing
        // when the server answers and closes, and the test fails on a broken pipe instead of reading the 413.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        var response = await server.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("payload_too_large", problem.GetProperty("code").GetString());

        var login = await server.Api.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new StringContent("{\"email\":\"huge@example.org\",\"password\":\"whatever-123\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }
}
