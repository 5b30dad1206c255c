using System.Net;
using System.Text.RegularExpressions;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

// The front-end libraries come from npm through scripts/web-assets.sh; this proves the script ran
// before the build and that every page points at files that are really served from this origin.
public sealed partial class WebAssetTests : IClassFixture<StudyHubFactory>
{
    private readonly StudyHubFactory _factory;

    public WebAssetTests(StudyHubFactory factory) => _factory = factory;

    [Fact]
    public async Task Every_script_and_stylesheet_a_page_references_is_served_from_this_origin()
    {
        using var client = _factory.CreateClient();
        var html = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));

        var references = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.Contains(references, url => url.StartsWith("/lib/katex/katex.min.js", StringComparison.Ordinal));
        Assert.Contains(references, url => url.Contains("js/math-render", StringComparison.Ordinal));
        foreach (var url in references)
        {
            Assert.False(url.StartsWith("http", StringComparison.Ordinal), $"{url} is not from this origin");
            var response = await client.GetAsync(new Uri(url.StartsWith('/') ? url : "/" + url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/lib/chart.js/dist/chart.umd.js")]
    [InlineData("/lib/mathlive/mathlive.min.js")]
    [InlineData("/lib/signalr/signalr.min.js")]
    [InlineData("/lib/katex/fonts/KaTeX_Main-Regular.woff2")]
    public async Task The_npm_libraries_pages_may_load_are_served(string url)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [GeneratedRegex("""<(?:script|link)[^>]+(?:src|href)="(?<url>[^"]+\.(?:js|css)[^"]*)"[^>]*>""")]
    private static partial Regex AssetReference();
}
