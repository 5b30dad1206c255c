using System.Net;
using StudyHub.Server.Tests.Content;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

/// <summary>The homework and game pages are for signed-in people: a signed-out visitor is sent to sign in, and back afterwards.</summary>
public sealed class StudyPagesSignInTests : IDisposable
{
    private readonly StudyHubFactory _factory = HomeworkHost.Create();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/homework")]
    [InlineData("/homework/new")]
    [InlineData("/homework/0b7a8c9e-1111-4222-8333-944455566677")]
    [InlineData("/play/new")]
    [InlineData("/play/0b7a8c9e-1111-4222-8333-944455566677")]
    [InlineData("/play/0b7a8c9e-1111-4222-8333-944455566677/results")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string path)
    {
        using var anonymous = WebBrowser.Anonymous(_factory);
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?ReturnUrl=" + Uri.EscapeDataString(path), WebBrowser.RedirectPath(response));
    }
}
