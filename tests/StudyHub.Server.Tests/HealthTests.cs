using System.Net;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Liveness_answers_once_the_host_has_started()
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
