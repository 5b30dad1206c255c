using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace StudyHub.Browser.Tests;

/// <summary>
/// A real StudyHub process (published like production, on a free loopback port, with a fresh data
/// directory) and Debian's Chromium driven by Playwright, shared by the browser tests.
/// </summary>
public sealed class StudyHubServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "studyhub-browser-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public HttpClient Api { get; private set; } = default!;

    /// <summary>The real SMTP server this StudyHub sends its mail to; tests read the links from it.</summary>
    public StudyHub.Server.Tests.Infrastructure.SmtpCatcher Mail { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: run ./scripts/test.sh, which installs it (apt-get install chromium).");
        }

        var root = RepositoryRoot();
        var publishDirectory = Path.Combine(root, "artifacts", "browser-host");
        await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "StudyHub.Server"), "-c", "Release", "-o", publishDirectory, "-nologo", "-v", "quiet"], root, TimeSpan.FromMinutes(5));

        Mail = await StudyHub.Server.Tests.Infrastructure.SmtpCatcher.StartAsync();
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "StudyHub.Server.dll", "--urls", BaseAddress.ToString().TrimEnd('/'), "--DataDirectory", _dataDirectory, "--RateLimits:PerAddressPerMinute", "10000",
                "--Mail:Smtp:Host", "127.0.0.1", "--Mail:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Mail:Smtp:UseTls", "false" },
            WorkingDirectory = publishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start StudyHub.");
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Api = new HttpClient { BaseAddress = BaseAddress };
        await WaitUntilReadyAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Registers through the API (for the people a test needs but does not act as) and returns a bearer token.</summary>
    public async Task<(Guid Id, string Token)> RegisterThroughApiAsync(string role, string email, string name, DateOnly? birthDate = null)
    {
        var register = await Api.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, displayName = name, role, birthDate });
        register.EnsureSuccessStatusCode();
        var id = (await register.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        var login = await Api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return (id, (await login.Content.ReadFromJsonAsync<Tokens>())!.AccessToken);
    }

    /// <summary>An API call the journey needs as set-up (bearer token optional); the response's JSON, or default for <c>object</c>.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string url, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return typeof(T) == typeof(object) ? default! : (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public const string Password = "Correct-Horse-42";

    /// <summary>Creates an administrator with the server's own command line (admins never self-register), on the running server's data.</summary>
    public Task CreateAdministratorAsync(string email, string name) =>
        RunAsync("dotnet", ["StudyHub.Server.dll", "create-admin", "--email", email, "--password", Password, "--name", name, "--DataDirectory", _dataDirectory],
            Path.Combine(RepositoryRoot(), "artifacts", "browser-host"), TimeSpan.FromMinutes(2));

    /// <summary>Signs in through the sign-in page, as a returning user does.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public string ServerOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("StudyHub exited during start:\n" + ServerOutput);
            }

            try
            {
                if ((await Api.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("StudyHub did not become ready within 60 s:\n" + ServerOutput);
    }

    private static async Task RunAsync(string file, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed:\n{await output}\n{await errors}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StudyHub.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Could not find StudyHub.slnx above " + AppContext.BaseDirectory);
    }

    private sealed record IdOnly(Guid Id);

    private sealed record Tokens(string AccessToken);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<StudyHubServer>
{
    public const string Name = "browser";
}
