using Microsoft.Extensions.Options;

namespace StudyHub.Server.Hosting;

/// <summary>Turns a start-up failure caused by bad settings into one readable line naming the key.</summary>
internal static class ConfigurationError
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        // The binder's message names the key and value ("... at 'Database:Provider' to type ...").
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => message,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Describe).FirstOrDefault(m => m is not null),
        _ when exception.InnerException is { } inner => Describe(inner),
        _ => null,
    };
}
