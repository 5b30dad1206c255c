using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using StudyHub.Server.Hosting;

namespace StudyHub.Server.Tests.Platform;

/// <summary>Logs are JSON lines for collectors unless a person at a terminal asks for text (run.sh does).</summary>
public sealed class LogFormatTests
{
    [Theory]
    [InlineData(null, ConsoleFormatterNames.Json)]
    [InlineData("json", ConsoleFormatterNames.Json)]
    [InlineData("text", ConsoleFormatterNames.Simple)]
    [InlineData("TEXT", ConsoleFormatterNames.Simple)]
    public void The_console_formatter_follows_the_log_format_setting(string? format, string formatter)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[Observability.LogFormatKey] = format;
        builder.AddJsonLogs();
        using var app = builder.Build();

        Assert.Equal(formatter, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}
