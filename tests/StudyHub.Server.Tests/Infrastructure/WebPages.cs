using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StudyHub.Server.Tests.Infrastructure;

/// <summary>Shortcuts for page tests that hold an HttpClient (WebSession is the fuller browser-like session): signed in through the sign-in page's form, holding the session cookie.</summary>
public static partial class WebPages
{
    public static async Task<HttpClient> SignInOnTheWebAsync(this StudyHubFactory factory, TestAccount account)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Form.Email"] = account.Email,
            ["Form.Password"] = account.Password,
        }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            throw new HttpRequestException($"Web sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>The antiforgery token a page's forms carry, to post one of them as the browser would.</summary>
    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    /// <summary>GETs a page, expecting 200, and returns its HTML.</summary>
    public static async Task<string> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
