namespace StudyHub.Kernel.Users;

/// <summary>The languages a person can pick in their preferences (ISO 639-1 codes); mails written in a person's language cover each.</summary>
public static class LanguageChoices
{
    public static IReadOnlyList<string> Codes { get; } = ["en", "es", "fr", "de", "pt", "it", "nl", "pl", "uk", "ar", "zh", "ja", "ko", "hi", "vi", "tr"];
}
