using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StudyHub.Practice.Features;
using StudyHub.Server.Tests.Content;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Practice;

/// <summary>Match and order on the play page without JavaScript: selects posted as a plain form, the outcome pair by pair.</summary>
public sealed partial class ArrangePageTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.CreateWithRealReader();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Match_and_order_play_with_plain_selects_and_repeated_positions_are_refused_before_scoring()
    {
        var student = await _factory.RegisterAndSignInAsync("student");
        using var api = _factory.CreateClientFor(student);
        var homework = await api.UploadTextAsync(TextFixtures.Photosynthesis, "Biology notes");
        Assert.Null(await _factory.RunReadingJobAsync(homework.Id));
        using var browser = await WebBrowser.SignedInAsync(_factory, student);
        var start = await browser.SubmitAsync($"/play/new?homework={homework.Id}", "start", new() { ["homework"] = homework.Id.ToString(), ["questionCount"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var sessionId = Guid.Parse(WebBrowser.RedirectPath(start)["/play/".Length..]);

        // Question 1, match: one select per term, "pairs with…" a description.
        var page = await browser.GetPageAsync($"/play/{sessionId}");
        Assert.Contains("name=\"arrangement\" value=\"match\"", page, StringComparison.Ordinal);
        Assert.Contains("pairs with…", page, StringComparison.Ordinal);
        var questionId = Guid.Parse(WebBrowser.InputValue(page, "question"));
        var pairs = JsonSerializer.Deserialize<Dictionary<string, string>>(await PracticeHost.AnswerKeyAsync(_factory, questionId))!;
        Assert.Equal(pairs.Keys.Order(), SelectNames(page, "pair-").Order());
        var fields = new Dictionary<string, string> { ["question"] = questionId.ToString(), ["attempt"] = WebBrowser.InputValue(page, "attempt"), ["arrangement"] = "match" };
        foreach (var (item, target) in pairs)
        {
            fields["pair-" + item] = target;
        }

        var answered = await browser.PostAsync($"/play/{sessionId}", "answer", WebBrowser.AntiforgeryToken(page), fields);
        var outcome = await browser.GetPageAsync(WebBrowser.RedirectPath(answered));
        Assert.Contains("Right!", outcome, StringComparison.Ordinal);
        Assert.Contains("Pair by pair", outcome, StringComparison.Ordinal);
        Assert.Equal(pairs.Count, Regex.Count(outcome, "outcome-part outcome-right"));

        // Question 2, order: a position chosen twice is refused on the page, nothing scored.
        page = await browser.GetPageAsync($"/play/{sessionId}");
        Assert.Contains("name=\"arrangement\" value=\"order\"", page, StringComparison.Ordinal);
        questionId = Guid.Parse(WebBrowser.InputValue(page, "question"));
        var sequence = JsonSerializer.Deserialize<List<string>>(await PracticeHost.AnswerKeyAsync(_factory, questionId))!;
        fields = new() { ["question"] = questionId.ToString(), ["attempt"] = WebBrowser.InputValue(page, "attempt"), ["arrangement"] = "order" };
        foreach (var item in sequence)
        {
            fields["position-" + item] = "1";
        }

        var refused = await browser.PostAsync($"/play/{sessionId}", "answer", WebBrowser.AntiforgeryToken(page), fields);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give each item its own position: position 1 is chosen more than once.", refusal, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"answer-error arrange-help\"", refusal, StringComparison.Ordinal);
        Assert.Equal(0, await PracticeHost.WithDbAsync(_factory, db => db.Attempts.CountAsync(a => a.QuestionId == questionId)));

        // The right positions, then the outcome position by position.
        for (var i = 0; i < sequence.Count; i++)
        {
            fields["position-" + sequence[i]] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        fields["attempt"] = WebBrowser.InputValue(refusal, "attempt");
        answered = await browser.PostAsync($"/play/{sessionId}", "answer", WebBrowser.AntiforgeryToken(refusal), fields);
        outcome = await browser.GetPageAsync(WebBrowser.RedirectPath(answered));
        Assert.Contains("Right!", outcome, StringComparison.Ordinal);
        Assert.Contains("Position by position", outcome, StringComparison.Ordinal);
        var results = (await api.GetFromJsonAsync<SessionResults>($"/api/v1/game-sessions/{sessionId}"))!;
        Assert.Equal(2, results.QuestionsRight);
        Assert.All(results.Questions.Take(2), q => Assert.Equal(1, q.Attempts));
    }

    private static List<string> SelectNames(string page, string prefix) =>
        [.. SelectName().Matches(page).Select(m => m.Groups[1].Value).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n[prefix.Length..])];

    [GeneratedRegex("<select[^>]* name=\"([^\"]+)\"")]
    private static partial Regex SelectName();
}
