using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Identity;

public sealed class SignInTests
{
    [Fact]
    public async Task A_registered_student_signs_in_and_reads_their_profile()
    {
        using var factory = new StudyHubFactory();
        var student = await factory.RegisterAndSignInAsync("student", new DateOnly(2009, 3, 14), displayName: "Ada");
        using var client = factory.CreateClientFor(student);

        var me = await client.GetFromJsonAsync<Profile>("/api/v1/me");

        Assert.Equal(student.Id, me!.Id);
        Assert.Equal("Ada", me.DisplayName);
        Assert.Equal("student", me.Role);
        Assert.False(me.AwaitingParentalConsent);
    }

    [Fact]
    public async Task An_access_token_stops_working_after_fifteen_minutes()
    {
        using var factory = new StudyHubFactory();
        var teacher = await factory.RegisterAndSignInAsync("teacher");
        using var client = factory.CreateClientFor(teacher);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEiLCJyb2xlIjoiYWRtaW4ifQ.")]
    public async Task Without_a_valid_token_the_profile_is_401(string token)
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();
        if (token.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record Profile(Guid Id, string DisplayName, string Role, bool AwaitingParentalConsent);
}
