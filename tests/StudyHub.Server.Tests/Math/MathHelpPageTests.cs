using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using StudyHub.Kernel.Text;
using StudyHub.Server.Modules;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Math;

/// <summary>The Math help page (/math) as a signed-in browser gets it: plain HTML from GET forms.</summary>
public sealed partial class MathHelpPageTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/math?problem=1%2B1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hints_climb_one_level_per_request_and_never_show_the_answer()
    {
        using var client = await SignedInAsync("student");

        var none = await client.PageAsync("/math?problem=" + Uri.EscapeDataString("2x+3=11"));
        var two = await client.PageAsync("/math?problem=" + Uri.EscapeDataString("2x+3=11") + "&hints=2");

        Assert.Contains("math-tex math-display problem-tex\">2x &#x2B; 3 = 11<", none, StringComparison.Ordinal);
        Assert.Contains("Show a hint", none, StringComparison.Ordinal);
        Assert.Equal(0, HintCount(none));
        Assert.Equal(2, HintCount(two));
        Assert.Contains("name=\"hints\" value=\"3\"", two, StringComparison.Ordinal);
        Assert.DoesNotContain("x = 4", two, StringComparison.Ordinal);
        Assert.DoesNotContain("Answer: <span", two, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_answer_names_the_misconception_without_the_expected_answer_and_a_right_one_is_praised()
    {
        using var client = await SignedInAsync("student");
        var problem = "/math?problem=" + Uri.EscapeDataString("2x+3=11") + "&check=1&answer=";

        var wrong = await client.PageAsync(problem + Uri.EscapeDataString("x = 7"));
        var right = await client.PageAsync(problem + Uri.EscapeDataString("x = 4"));
        var blank = await client.PageAsync(problem);

        Assert.Contains("Not quite.</strong> " + WebUtility.HtmlEncode(new StudyHub.Math.MathEngine().Check("2x+3=11", "x = 7").Message), wrong, StringComparison.Ordinal);
        Assert.Contains("Likely slip: <strong>sign error moving a term across the equals sign</strong>", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("x = 4", wrong, StringComparison.Ordinal);
        Assert.Contains("Correct!", right, StringComparison.Ordinal);
        Assert.Contains("Type your answer first.", blank, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worked_solution_appears_only_when_asked_for()
    {
        using var client = await SignedInAsync("student");
        var problem = "/math?problem=" + Uri.EscapeDataString("2x+3=11");

        var before = await client.PageAsync(problem);
        var after = await client.PageAsync(problem + "&solution=1");

        Assert.Contains("Show the worked solution", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Subtract 3", before, StringComparison.Ordinal);
        Assert.Contains("Subtract 3", after, StringComparison.Ordinal);
        Assert.Contains("Answer: <span class=\"math-tex\">x = 4</span>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Practise_five_like_this_shows_five_checkable_variants()
    {
        using var client = await SignedInAsync("student");
        var engine = new StudyHub.Math.MathEngine();
        var variants = engine.Variants("2x+3=11", 5);
        var first = variants[0];

        var page = await client.PageAsync("/math?problem=" + Uri.EscapeDataString("2x+3=11") + "&practise=1&a1=" + Uri.EscapeDataString(first.Answer) + "&a2=" + Uri.EscapeDataString("x = 1000"));

        Assert.Equal(5, Regex.Count(page, "<li id=\"variant-\\d\" class=\"variant\">"));
        Assert.Contains(WebUtility.HtmlEncode(MathTex.FromPlain(first.Problem)), page, StringComparison.Ordinal);
        var feedback = FeedbackOf(page);
        Assert.Contains("Correct!", feedback[1], StringComparison.Ordinal);
        Assert.Contains("Not quite.", feedback[2], StringComparison.Ordinal);
        Assert.Equal("", feedback[3].Trim());
    }

    [Fact]
    public async Task A_refused_problem_shows_the_engines_message_position_and_did_you_mean()
    {
        using var client = await SignedInAsync("student");

        var page = await client.PageAsync("/math?problem=" + Uri.EscapeDataString("slove 2x+3=11"));

        Assert.Contains("We can&#x27;t work with this problem yet", page, StringComparison.Ordinal);
        Assert.Contains("At character 1", page, StringComparison.Ordinal);
        Assert.Contains("<mark>slove</mark>", page, StringComparison.Ordinal);
        Assert.Contains("Did you mean <a href=\"/math?problem=solve%202x%2B3%3D11\">solve 2x&#x2B;3=11</a>?", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_over_the_length_limit_is_an_error_next_to_the_field()
    {
        using var client = await SignedInAsync("student");

        var page = await client.PageAsync("/math?problem=" + new string('1', 2_001));

        Assert.Contains("<p id=\"problem-error\" class=\"field-error\">Your problem must be at most 2000 characters.</p>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"problem-hint problem-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_student_under_13_awaiting_consent_is_told_a_parent_must_consent_and_gets_no_help()
    {
        using var client = await SignedInAsync("student", new DateOnly(2016, 1, 1));

        var page = await client.PageAsync("/math?problem=" + Uri.EscapeDataString("2x+3=11") + "&hints=1&solution=1");

        Assert.Contains("A parent or guardian needs to say yes first", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Subtract 3", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"problem\"", page, StringComparison.Ordinal);
    }

    private static int HintCount(string page) => Regex.Count(page, "<p class=\"eyebrow\">Hint \\d");

    /// <summary>The feedback region of each practice problem, by number.</summary>
    private static Dictionary<int, string> FeedbackOf(string page) =>
        VariantFeedback().Matches(page).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);

    private async Task<HttpClient> SignedInAsync(string role, DateOnly? birthDate = null) =>
        await _factory.SignInOnTheWebAsync(await _factory.RegisterAndSignInAsync(role, birthDate));

    [GeneratedRegex("<div id=\"a(\\d)-feedback\" role=\"status\">(.*?)</div>\\s*</li>", RegexOptions.Singleline)]
    private static partial Regex VariantFeedback();
}
