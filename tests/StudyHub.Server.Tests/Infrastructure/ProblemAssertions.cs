using System.Net;
using System.Text.Json;

namespace StudyHub.Server.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 problem with the status and stable code; returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        return problem;
    }

    /// <summary>The reasons a validation problem gives for one field.</summary>
    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var reasons)
            ? reasons.EnumerateArray().Select(r => r.GetString()!).ToArray()
            : [];

    /// <summary>Asserts that one of a field's reasons mentions <paramref name="words"/> (the reason is for people, so only its gist is checked).</summary>
    public static void ShouldMention(this string[] reasons, string words) =>
        Assert.True(reasons.Any(r => r.Contains(words, StringComparison.OrdinalIgnoreCase)), $"No reason mentions '{words}': [{string.Join(" | ", reasons)}]");
}
