using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Math;

public sealed class MathApiTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_student_solves_an_equation_and_sees_the_steps()
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));

        var result = await (await client.PostAsJsonAsync("/api/v1/math/solve", new { problem = "2x+3=11" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("linearEquation", result.GetProperty("kind").GetString());
        Assert.Equal("x = 4", result.GetProperty("answer").GetString());
        var steps = result.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("description").GetString()).ToList();
        Assert.Contains(steps, s => s!.Contains("Subtract 3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("x^2-5x+6=0", "x = 2 or x = 3", "correct")]
    [InlineData("x^2-5x+6=0", "x = 3", "incorrect")]
    [InlineData("simplify 1/2 + 0", "2/4", "equivalentButNotInRequestedForm")]
    public async Task Answers_are_checked_for_equivalence(string problem, string answer, string outcome)
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("teacher"));

        var response = await client.PostAsJsonAsync("/api/v1/math/check", new { problem, answer });
        await ApiClient.EnsureSuccessAsync(response);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(outcome, result.GetProperty("outcome").GetString());
    }

    [Theory]
    [InlineData("(2+3*4", "math.parse.unexpected_end")]
    [InlineData("10^10^10", "math.budget.exponent")]
    [InlineData("1/0", "math.domain.division_by_zero")]
    public async Task Problems_the_engine_cannot_take_get_a_422_with_its_code(string problem, string code)
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));

        var response = await client.PostAsJsonAsync("/api/v1/math/solve", new { problem });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task A_missing_problem_is_a_validation_error_and_anonymous_callers_get_401()
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));
        using var anonymous = _factory.CreateClient();

        var missing = await client.PostAsJsonAsync("/api/v1/math/solve", new { problem = "  " });
        Assert.NotEmpty((await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).FieldErrors("problem"));
        await (await anonymous.PostAsJsonAsync("/api/v1/math/solve", new { problem = "1+1" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/math/solve")]
    [InlineData("/api/v1/math/check")]
    [InlineData("/api/v1/math/hints")]
    [InlineData("/api/v1/math/variants")]
    [InlineData("/api/v1/math/distractors")]
    [InlineData("/api/v1/math/error-solutions")]
    public async Task An_under_13_student_awaiting_consent_cannot_use_any_math_endpoint(string path)
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student", new DateOnly(2016, 1, 1)));

        var response = await client.PostAsJsonAsync(path, new { problem = "1+1", answer = "2", level = 1 });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "parental_consent_required");
    }

    [Fact]
    public async Task Consent_withdrawn_by_a_parent_closes_the_math_endpoints_on_the_very_next_request()
    {
        var child = await _factory.RegisterAndSignInAsync("student", new DateOnly(2016, 1, 1));
        using var parent = await _factory.ParentConsentsAsync(child);
        using var client = _factory.CreateClientFor(child);
        // The consent state is now cached as "given" (for 30 s of the frozen test clock).
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/math/solve", new { problem = "2x+3=11" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/math/solve", new { problem = "2x+3=11" })).StatusCode);

        await ApiClient.EnsureSuccessAsync(await parent.DeleteAsync(new Uri($"/api/v1/parents/children/{child.Id}/consent", UriKind.Relative)));

        var refused = await client.PostAsJsonAsync("/api/v1/math/solve", new { problem = "2x+3=11" });
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "parental_consent_required");
    }

    [Fact]
    public async Task A_word_the_engine_does_not_know_is_named_with_a_suggestion()
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));

        var response = await client.PostAsJsonAsync("/api/v1/math/solve", new { problem = "simplfy (x^2-1)/(x-1)" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "math.not_understood");
        Assert.Equal("simplfy", problem.GetProperty("word").GetString());
        Assert.Equal("simplify", problem.GetProperty("suggestion").GetString());
        Assert.Equal(1, problem.GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task A_problem_longer_than_the_engine_takes_is_refused_at_the_edge_with_the_field()
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));

        var response = await client.PostAsJsonAsync("/api/v1/math/check", new { problem = "1+" + new string('1', 5_000), answer = "2" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotEmpty(problem.FieldErrors("problem"));
    }

    [Fact]
    public async Task Checking_never_gives_the_answer_away_until_the_student_asks_for_the_solution()
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));

        var trying = await client.PostAsJsonAsync("/api/v1/math/check", new { problem = "2x + 3 = 11", answer = "x = 7" });
        await ApiClient.EnsureSuccessAsync(trying);
        var verdict = await trying.Content.ReadFromJsonAsync<JsonElement>();
        var shown = await (await client.PostAsJsonAsync("/api/v1/math/check", new { problem = "2x + 3 = 11", answer = "x = 7", showSolution = true })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("incorrect", verdict.GetProperty("outcome").GetString());
        Assert.Equal("signErrorMovingTerm", verdict.GetProperty("misconception").GetString());
        Assert.DoesNotContain("4", verdict.GetRawText().Replace("x = 7", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("solution").ValueKind);
        Assert.Equal("x = 4", shown.GetProperty("solution").GetProperty("answer").GetString());
    }
}

public sealed class MathTeachingApiTests : IDisposable
{
    private readonly StudyHubFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Hints_at_every_level_never_give_the_answer_away(int level)
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));

        var response = await client.PostAsJsonAsync("/api/v1/math/hints", new { problem = "3x = 12", level });
        await ApiClient.EnsureSuccessAsync(response);
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("4", text.Replace("\"level\":4", "", StringComparison.Ordinal), StringComparison.Ordinal);
        if (level == 3)
        {
            Assert.Contains("ivide both sides by 3", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Variants_distractors_and_an_error_solution_come_back_for_a_quadratic()
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("teacher"));

        var variants = await (await client.PostAsJsonAsync("/api/v1/math/variants", new { problem = "x^2-5x+6=0", count = 3, seed = 7 })).Content.ReadFromJsonAsync<JsonElement>();
        var distractors = await (await client.PostAsJsonAsync("/api/v1/math/distractors", new { problem = "x^2-5x+6=0", count = 3 })).Content.ReadFromJsonAsync<JsonElement>();
        var errorSolution = await client.PostAsJsonAsync("/api/v1/math/error-solutions", new { problem = "2x+3=11", seed = 1 });

        Assert.Equal(3, variants.GetArrayLength());
        Assert.True(distractors.GetArrayLength() >= 2);
        await ApiClient.EnsureSuccessAsync(errorSolution);
        foreach (var distractor in distractors.EnumerateArray())
        {
            var answer = distractor.GetProperty("answer").GetString();
            var check = await (await client.PostAsJsonAsync("/api/v1/math/check", new { problem = "x^2-5x+6=0", answer })).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("incorrect", check.GetProperty("outcome").GetString());
        }
    }

    [Fact]
    public async Task Out_of_range_levels_and_counts_are_named()
    {
        using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync("student"));

        var hint = await client.PostAsJsonAsync("/api/v1/math/hints", new { problem = "2x+3=11", level = 9 });
        var variants = await client.PostAsJsonAsync("/api/v1/math/variants", new { problem = "2x+3=11", count = 500 });

        Assert.NotEmpty((await hint.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("level"));
        Assert.NotEmpty((await variants.AssertProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("count"));
    }
}
