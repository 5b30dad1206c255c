using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

public sealed class SecurityHeaderTests : IClassFixture<StudyHubFactory>
{
    private readonly StudyHubFactory _factory;

    public SecurityHeaderTests(StudyHubFactory factory) => _factory = factory;

    [Fact]
    public async Task Pages_allow_scripts_and_styles_from_this_origin_only_and_no_inline_script()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetAsync(new Uri("/signin", UriKind.Relative));

        var policy = Policy(page);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_math_help_allows_inline_styles_for_its_keyboard_and_scripts_stay_self_only()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var browser = await WebSession.SignInAsync(_factory, student);

        var math = Policy(await browser.GetAsync("/math?problem=2x%2B3%3D11"));
        var dashboard = Policy(await browser.GetAsync("/dashboard"));

        Assert.Contains("style-src 'self' 'unsafe-inline';", math, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", math, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_runs_only_its_own_nonced_bootstrap_script()
    {
        using var client = _factory.CreateClient();

        var first = await client.GetAsync(new Uri("/api/docs/", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/api/docs/", UriKind.Relative));

        var nonce = System.Text.RegularExpressions.Regex.Match(Policy(first), "script-src 'self' 'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, Policy(second), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", Policy(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_responses_carry_hsts_and_the_antiforgery_cookie_is_secure()
    {
        using var https = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var http = _factory.CreateClient();

        var secure = await https.GetAsync(new Uri("/signin", UriKind.Relative));
        var plain = await http.GetAsync(new Uri("/signin", UriKind.Relative));

        Assert.Equal("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("secure", AntiforgeryCookie(secure), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", AntiforgeryCookie(plain), StringComparison.OrdinalIgnoreCase);
    }

    private static string Policy(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    private static string AntiforgeryCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
}
