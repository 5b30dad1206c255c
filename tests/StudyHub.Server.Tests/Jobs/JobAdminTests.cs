using System.Net;
using System.Net.Http.Json;
using StudyHub.Identity;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Jobs;

/// <summary>Administrators inspect dead-lettered jobs and send them back to the queue; nobody else may.</summary>
public sealed class JobAdminTests : IAsyncLifetime
{
    private readonly StudyHubFactory _factory = new StudyHubFactory().WithNotesModule();

    public async Task InitializeAsync() => await _factory.CreateNotesTablesAsync();

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_admin_finds_a_dead_lettered_job_and_after_the_fix_a_retry_runs_it_once()
    {
        using var admin = await AdminClientAsync();
        var note = new ProcessNote(Guid.NewGuid());
        JobTrace.Broken[note.NoteId] = true;
        var jobId = await _factory.SaveNoteAsync(note, maxAttempts: 2);
        await _factory.WaitForStateAsync(jobId, JobState.Queued, attempts: 1);
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await _factory.Runner().RunDueJobsAsync();
        await _factory.WaitForStateAsync(jobId, JobState.DeadLettered);

        var page = await admin.GetFromJsonAsync<JobPageView>("/api/v1/admin/jobs?state=deadLettered&pageSize=10");
        var listed = Assert.Single(page!.Items, j => j.Id == jobId);
        Assert.Equal(("deadLettered", 2, "InvalidOperationException: the note service is down"), (listed.State, listed.Attempts, listed.LastError));
        var detail = await admin.GetFromJsonAsync<JobView>($"/api/v1/admin/jobs/{jobId}");
        Assert.Contains(note.NoteId.ToString(), detail!.Payload, StringComparison.Ordinal);
        Assert.Empty(await _factory.ResultsAsync(note.NoteId));

        JobTrace.Broken.TryRemove(note.NoteId, out _);
        var retried = await admin.PostAsync(new Uri($"/api/v1/admin/jobs/{jobId}/retry", UriKind.Relative), null);
        await ApiClient.EnsureSuccessAsync(retried);
        var requeued = (await retried.Content.ReadFromJsonAsync<JobView>())!;
        Assert.Equal(("queued", 0), (requeued.State, requeued.Attempts));

        var done = await _factory.WaitForStateAsync(jobId, JobState.Succeeded);
        Assert.Equal(1, done.Attempts);
        Assert.Single(await _factory.ResultsAsync(note.NoteId));
        Assert.Equal(3, JobTrace.Invocations[note.NoteId]);

        await (await admin.PostAsync(new Uri($"/api/v1/admin/jobs/{jobId}/retry", UriKind.Relative), null))
            .AssertProblemAsync(HttpStatusCode.Conflict, "job_not_dead_lettered");
        await (await admin.GetAsync(new Uri($"/api/v1/admin/jobs/{Guid.NewGuid()}", UriKind.Relative)))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await admin.GetAsync(new Uri("/api/v1/admin/jobs?state=sleeping", UriKind.Relative)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("GET", "/api/v1/admin/jobs")]
    [InlineData("GET", "/api/v1/admin/jobs/{id}")]
    [InlineData("POST", "/api/v1/admin/jobs/{id}/retry")]
    public async Task Only_administrators_reach_the_jobs_api(string method, string path)
    {
        var jobId = await _factory.SaveNoteAsync(new ProcessNote(Guid.NewGuid(), Permanent: true), maxAttempts: 1);
        await _factory.WaitForStateAsync(jobId, JobState.DeadLettered);
        var uri = new Uri(path.Replace("{id}", jobId.ToString(), StringComparison.Ordinal), UriKind.Relative);

        using var anonymous = _factory.CreateClient();
        await (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        foreach (var role in new[] { "student", "teacher", "parent" })
        {
            using var client = _factory.CreateClientFor(await _factory.RegisterAndSignInAsync(role));
            await (await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden_role");
        }

        Assert.Equal(JobState.DeadLettered, (await _factory.JobAsync(jobId)).State);
    }

    [Fact]
    public async Task The_dead_letter_page_is_for_administrators_only()
    {
        using var anonymous = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync(new Uri("/admin/jobs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<HttpClient> AdminClientAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        await IdentityModule.CreateAdministratorAsync(_factory.Services, email, ApiClient.DefaultPassword, "Admin", CancellationToken.None);
        using var client = _factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiClient.DefaultPassword });
        await ApiClient.EnsureSuccessAsync(login);
        var tokens = (await login.Content.ReadFromJsonAsync<TokensView>())!;
        return _factory.CreateClientFor(new TestAccount(Guid.Empty, email, ApiClient.DefaultPassword, tokens.AccessToken, tokens.RefreshToken));
    }

    private sealed record TokensView(string AccessToken, string RefreshToken);

    private sealed record JobPageView(List<JobView> Items, int Total);

    private sealed record JobView(Guid Id, string Kind, string State, string Payload, int Attempts, string? LastError);
}
