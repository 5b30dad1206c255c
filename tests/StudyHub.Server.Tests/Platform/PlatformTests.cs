using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Kernel.Data;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Platform;

public sealed class PlatformTests
{
    [Fact]
    public async Task A_well_formed_correlation_id_is_echoed_and_a_hostile_one_replaced()
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();

        using var mine = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        mine.Headers.Add("X-Correlation-Id", "class-7b.request-42");
        var echoed = await client.SendAsync(mine);
        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        hostile.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>" + new string('x', 100));
        var replaced = await client.SendAsync(hostile);

        Assert.Equal("class-7b.request-42", Assert.Single(echoed.Headers.GetValues("X-Correlation-Id")));
        var problem = await echoed.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("class-7b.request-42", problem.GetProperty("correlationId").GetString());
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(replaced.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task Readiness_checks_every_module_database()
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();
        var modules = factory.Services.GetServices<IModuleDatabase>().Select(m => m.Name).Order().ToList();

        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateObject().ToList();
        Assert.Equal(modules, checks.Select(c => c.Name).Order().ToList());
        Assert.All(checks, c => Assert.Equal("healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_with_bearer_auth()
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var ui = await client.GetAsync(new Uri("/api/docs/", UriKind.Relative));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/auth/login", paths);
        Assert.Contains("/api/v1/classrooms/{classroomId}/students", paths);
        Assert.Contains("/api/v1/parents/children/{childId}/consent", paths);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));

        // Each real status is listed: sign-in's 403 is account_disabled; classrooms refuse other roles with 403.
        string[] Statuses(string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();
        Assert.Superset(new HashSet<string> { "400", "401", "403", "429" }, Statuses("/api/v1/auth/login", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "401", "403", "404" }, Statuses("/api/v1/classrooms/{classroomId}/students", "get").ToHashSet());
        Assert.Superset(new HashSet<string> { "401", "403", "404" }, Statuses("/api/v1/classrooms/join", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "401", "403", "404" }, Statuses("/api/v1/classrooms/{classroomId}/students/{studentId}/school-consent", "post").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "400", "401", "403", "404", "409" }, Statuses("/api/v1/classrooms/{classroomId}/students/{studentId}/restore", "post").ToHashSet());
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("<html lang=\"en\">", await ui.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_per_user_limit_requests_get_429_with_retry_after()
    {
        using var factory = new StudyHubFactory().With("RateLimits:PerUserPerMinute", "5");
        var student = await factory.RegisterAndSignInAsync("student");
        using var client = factory.CreateClientFor(student);

        for (var i = 0; i < 5; i++)
        {
            await ApiClient.EnsureSuccessAsync(await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative)));
        }

        var limited = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await ApiClient.EnsureSuccessAsync(await client.GetAsync(new Uri("/health/live", UriKind.Relative)));
    }

    [Fact]
    public async Task Two_instances_on_one_database_accept_each_others_tokens()
    {
        using var first = new StudyHubFactory();
        using var second = new StudyHubFactory().SharingDatabaseOf(first);
        var teacher = await first.RegisterAndSignInAsync("teacher");
        using var client = second.CreateClientFor(teacher);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(teacher.Id, me.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("--RateLimits:PerUserPerMinute", "0", "PerUserPerMinute")]
    [InlineData("--Database:Provider", "Oracle", "'Database:Provider'")]
    [InlineData("--Database:Provider", "Postgres", "Database:ConnectionString is required")]
    public async Task A_bad_setting_stops_the_start_with_one_line_naming_the_key(string key, string value, string named)
    {
        var line = await StartAndReadTheOneErrorLineAsync("--urls", "http://127.0.0.1:0", "--DataDirectory", NewDataDirectory(), key, value);

        Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_stops_the_start_with_one_line_suggesting_another()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var line = await StartAndReadTheOneErrorLineAsync("--urls", url, "--DataDirectory", NewDataDirectory());

        Assert.Equal($"Start-up error: {url} is already in use by another program. Stop it, or start StudyHub on another address with --urls (for example --urls http://127.0.0.1:5001).", line);
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_stops_the_start_with_one_line()
    {
        // A path below a regular file can never become a directory, even for root.
        var file = Path.GetTempFileName();
        var line = await StartAndReadTheOneErrorLineAsync("--urls", "http://127.0.0.1:0", "--DataDirectory", Path.Combine(file, "data"));

        Assert.StartsWith("Start-up error: the data directory cannot be written", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.EndsWith("--DataDirectory DIR.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_start_with_one_line_naming_the_server()
    {
        using var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more: the connection is refused

        var line = await StartAndReadTheOneErrorLineAsync("--urls", "http://127.0.0.1:0", "--DataDirectory", NewDataDirectory(),
            "--Database:Provider", "Postgres", "--Database:ConnectionString", $"Host=127.0.0.1;Port={port};Username=studyhub;Database=studyhub;Timeout=5");

        Assert.StartsWith("Start-up error: cannot reach the database (", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("refused", line, StringComparison.OrdinalIgnoreCase);
    }

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "studyhub-start-" + Guid.NewGuid().ToString("N"));

    private static async Task<string> StartAndReadTheOneErrorLineAsync(params string[] arguments)
    {
        var run = await ServerProcess.RunAsync(arguments);

        Assert.Equal(1, run.ExitCode);
        return Assert.Single(run.ErrorLines);
    }
}

public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task Unknown_api_routes_wrong_methods_and_wrong_content_types_get_problem_details()
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();

        await (await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.PutAsync(new Uri("/api/v1/auth/login", UriKind.Relative), JsonContent.Create(new { }))).AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        await (await client.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new StringContent("email=a", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Malformed_json_names_the_field_that_could_not_be_read()
    {
        using var factory = new StudyHubFactory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new StringContent("{\"email\": {\"nested\": true}, \"password\": \"x\"}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        Assert.Contains("email", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(problem.FieldErrors("email"));
    }
}
