using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>
/// Checks any browser test can run on the page it is on: axe-core's accessibility rules and the
/// Content-Security-Policy violations the page caused. axe-core is installed by scripts/test.sh
/// into artifacts/axe (gitignored).
/// </summary>
public static class PageAudits
{
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(StudyHubServer.RepositoryRoot(), "artifacts", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is missing at {path}: run ./scripts/test.sh, which installs it (npm install axe-core).");
    });

    /// <summary>Records every CSP violation from now on; call before the first navigation.</summary>
    public static Task WatchContentSecurityPolicyAsync(IPage page) =>
        page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
              window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
            """);

    /// <param name="page">The page, watched since before it loaded.</param>
    /// <param name="expected">Violations that are the policy working (matched by prefix), e.g. a library's eval probe.</param>
    public static async Task AssertNoContentSecurityPolicyViolationsAsync(IPage page, params string[] expected)
    {
        var violations = (await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? ['the CSP watch was not installed']"))
            .Where(v => !expected.Any(e => v.StartsWith(e, StringComparison.Ordinal)))
            .ToArray();
        Assert.True(violations.Length == 0, $"{page.Url} broke its Content-Security-Policy:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// Runs axe-core (evaluated through the DevTools protocol, so the page's own CSP does not have
    /// to allow it) and fails on any serious or critical violation, naming the rule and elements.
    /// </summary>
    public static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.Length == 0, $"{page.Url} has accessibility violations:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// At 360 px, the narrowest phone the product supports, the page itself must not scroll
    /// sideways (a wide table may scroll inside its own box). The message names the innermost
    /// elements that stick out, to say where to look.
    /// </summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var before = page.ViewportSize;
        await page.SetViewportSizeAsync(360, 800);
        var overflow = await page.EvaluateAsync<string?>("""
            () => {
              const width = document.scrollingElement.scrollWidth, view = window.innerWidth;
              if (width <= view) return null;
              const out = e => e.getBoundingClientRect().right > view + 1;
              const culprits = [...document.querySelectorAll('body *')].filter(e => out(e) && ![...e.children].some(out)).slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
              return `${width} px wide in a ${view} px window; sticking out: ${culprits.join(', ')}`;
            }
            """);
        await page.SetViewportSizeAsync(before?.Width ?? 1280, before?.Height ?? 900);
        Assert.True(overflow is null, $"{page.Url} scrolls sideways on a 360 px phone: {overflow}");
    }

    /// <summary>axe at a laptop's and a phone's width, no sideways scrolling at 360 px, with a full-page screenshot of each in artifacts/screenshots/<paramref name="journey"/> to look at.</summary>
    public static async Task AuditAtBothWidthsAsync(IPage page, string journey, string name)
    {
        var directory = Path.Combine(StudyHubServer.RepositoryRoot(), "artifacts", "screenshots", journey);
        Directory.CreateDirectory(directory);
        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}-{width}.png"), FullPage = true });
            await AssertNoSeriousAccessibilityViolationsAsync(page);
        }

        await AssertNoHorizontalOverflowAsync(page);
        await page.SetViewportSizeAsync(1280, 900);
    }
}
