using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StudyHub.Server.Tests.Infrastructure;

/// <summary>
/// A browser-like client for the server-rendered pages: asks for HTML, keeps the session cookie,
/// does not follow redirects (so tests see POST/redirect/GET), and posts forms with their
/// antiforgery token and Blazor form name as the page rendered them.
/// </summary>
public sealed partial class WebSession : IDisposable
{
    private readonly HttpClient _client;

    private WebSession(HttpClient client)
    {
        _client = client;
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
    }

    public static WebSession Anonymous(StudyHubFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task<WebSession> SignInAsync(StudyHubFactory factory, TestAccount account)
    {
        var session = Anonymous(factory);
        var response = await session.PostFormAsync("/signin", "signin", new() { ["Form.Email"] = account.Email, ["Form.Password"] = account.Password });
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"sign-in answered {(int)response.StatusCode}");
        return session;
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => await _client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GETs a page that must render (200) and returns its HTML.</summary>
    public async Task<string> PageAsync(string url)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {Head(html)}");
        return html;
    }

    /// <summary>Loads <paramref name="url"/> for a fresh antiforgery token, then posts the named form to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields, string? postTo = null)
    {
        var page = await (await GetAsync(url)).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, $"{url} rendered no antiforgery token");
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await _client.PostAsync(new Uri(postTo ?? url, UriKind.Relative), new FormUrlEncodedContent(body));
    }

    /// <summary>Where a POST/redirect/GET response sends the browser.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)response.StatusCode}: {Head(response.Content.ReadAsStringAsync().Result)}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000];

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
