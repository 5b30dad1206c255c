using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StudyHub.Server.Tests.Infrastructure;

/// <summary>
/// A signed-in web visitor for page tests: keeps the session cookie, does not follow redirects (so
/// tests see POST/redirect/GET), and posts forms the way a browser does, with the page's
/// antiforgery token and the form's handler name.
/// </summary>
public sealed partial class WebBrowser : IDisposable
{
    private readonly HttpClient _client;

    private WebBrowser(HttpClient client) => _client = client;

    public static WebBrowser Anonymous(StudyHubFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<WebBrowser> SignedInAsync(StudyHubFactory factory, TestAccount account)
    {
        var browser = Anonymous(factory);
        var response = await browser.SubmitAsync("/signin", "signin", new() { ["Form.Email"] = account.Email, ["Form.Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads the page, then posts the named form with the given fields, as a browser would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formName, Dictionary<string, string> fields) =>
        await PostAsync(url, formName, AntiforgeryToken(await GetPageAsync(url)), fields);

    public async Task<HttpResponseMessage> PostAsync(string url, string formName, string antiforgeryToken, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = antiforgeryToken };
        return await _client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(body));
    }

    public async Task<HttpResponseMessage> PostMultipartAsync(string url, string formName, MultipartFormDataContent form)
    {
        form.Add(new StringContent(formName), "_handler");
        form.Add(new StringContent(AntiforgeryToken(await GetPageAsync(url))), "__RequestVerificationToken");
        return await _client.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    /// <summary>The value of the first hidden or plain input with this name.</summary>
    public static string InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"no input named {name} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Where a redirect points, as a path and query on this site.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
