using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using StudyHub.Content.Skills;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Content;

public sealed class SkillCatalogTests
{
    [Fact]
    public void The_shipped_catalogue_loads_with_the_skills_other_modules_rely_on()
    {
        var catalog = SkillCatalog.LoadEmbedded();

        string[] required =
        [
            "math.fractions", "math.decimals", "math.percentages", "math.ratios", "math.exponents-roots",
            "math.integer-operations", "math.linear-equations", "math.inequalities", "math.systems",
            "math.quadratics", "math.polynomials", "math.derivatives", "math.geometry.area-perimeter",
            "math.geometry.angles", "math.geometry.pythagoras",
        ];
        Assert.All(required, id => Assert.NotNull(catalog.Find(id)));
        Assert.Equal(
            ["biology", "chemistry", "computer-science", "foreign-language", "geography", "history", "language-arts", "math", "physics"],
            catalog.All.Select(s => s.Subject).Distinct().Order());
        Assert.Contains("math.integer-operations", catalog.Find("math.linear-equations")!.Prerequisites);
        Assert.Null(catalog.Find("math.unknown"));
    }

    [Theory]
    [InlineData("""{"subjects":[{"id":"math","name":"M"}],"skills":[{"id":"math.a","name":"A","gradeBand":"1","prerequisites":["math.b"]}]}""", "unknown prerequisite 'math.b'")]
    [InlineData("""{"subjects":[{"id":"math","name":"M"}],"skills":[{"id":"math.a","name":"A","gradeBand":"1","prerequisites":["math.b"]},{"id":"math.b","name":"B","gradeBand":"1","prerequisites":["math.c"]},{"id":"math.c","name":"C","gradeBand":"1","prerequisites":["math.a"]}]}""", "cycle: math.a -> math.b -> math.c -> math.a")]
    [InlineData("""{"subjects":[{"id":"math","name":"M"}],"skills":[{"id":"math.a","name":"A","gradeBand":"1"},{"id":"math.a","name":"A","gradeBand":"1"}]}""", "lists skill 'math.a' twice")]
    [InlineData("""{"subjects":[{"id":"math","name":"M"}],"skills":[{"id":"art.a","name":"A","gradeBand":"1"}]}""", "unknown subject 'art'")]
    [InlineData("""{"subjects":[""", "not valid JSON")]
    public void A_broken_catalogue_fails_with_one_line_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => SkillCatalog.Parse(json));
        var message = Assert.Single(error.Failures);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public async Task Signed_in_users_list_the_skills_and_anonymous_callers_are_refused()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        using var client = factory.CreateClientFor(teacher);

        var all = await client.GetFromJsonAsync<SkillCatalogResponse>("/api/v1/skills");
        Assert.Contains(all!.Skills, s => s.Id == "math.geometry.pythagoras" && s.Subject == "math" && s.Prerequisites.Contains("math.exponents-roots"));
        Assert.Equal(9, all.Subjects.Count);

        var biology = await client.GetFromJsonAsync<SkillCatalogResponse>("/api/v1/skills?subject=biology");
        Assert.All(biology!.Skills, s => Assert.Equal("biology", s.Subject));
        Assert.NotEmpty(biology.Skills);

        using var anonymous = factory.CreateClient();
        await (await anonymous.GetAsync("/api/v1/skills")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
