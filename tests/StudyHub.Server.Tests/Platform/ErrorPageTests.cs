using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

/// <summary>Browsers get HTML error pages with the real status; the API keeps problem details.</summary>
public sealed class ErrorPageTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_browser_gets_an_html_404_page_and_the_api_a_problem()
    {
        using var browser = WebSession.Anonymous(_factory);
        var response = await browser.GetAsync("/no/such/page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("We couldn&#x27;t find that page", html, StringComparison.Ordinal);
        Assert.Contains("class=\"topbar\"", html, StringComparison.Ordinal);

        using var api = _factory.CreateClient();
        await (await api.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_signed_in_user_on_a_page_for_another_role_gets_an_html_403()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebSession.SignInAsync(_factory, student);

        var response = await browser.GetAsync("/family");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("This page isn&#x27;t for your account", html, StringComparison.Ordinal);

        using var api = _factory.CreateClientFor(student);
        await (await api.GetAsync(new Uri("/api/v1/parents/children", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
    }

    [Fact]
    public async Task A_page_that_fails_shows_an_html_500_with_a_reference_and_no_exception_text()
    {
        using var failing = new StudyHubFactory().WithServices(services =>
        {
            services.RemoveAll<IAntiforgery>();
            services.AddSingleton<IAntiforgery, BrokenAntiforgery>();
        });
        using var browser = WebSession.Anonymous(failing);

        var response = await browser.GetAsync("/signin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery store is broken", html, StringComparison.Ordinal);
    }

    private sealed class BrokenAntiforgery : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => throw new InvalidOperationException("The antiforgery store is broken.");

        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => throw new InvalidOperationException("The antiforgery store is broken.");

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => Task.FromResult(true);

        public void SetCookieTokenAndHeader(HttpContext httpContext) => throw new InvalidOperationException("The antiforgery store is broken.");

        public Task ValidateRequestAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}
