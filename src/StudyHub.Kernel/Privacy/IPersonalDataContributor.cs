namespace StudyHub.Kernel.Privacy;

/// <summary>
/// Each module that stores personal data implements this once, so the GDPR export and erasure
/// cover modules added later without changing the code that orchestrates them.
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>The key of this module's section in the export document, e.g. "account".</summary>
    string Section { get; }

    /// <summary>Everything this module holds about the user, as a JSON-serialisable object.</summary>
    Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Erase or anonymise the user's personal data. Must be idempotent.</summary>
    Task EraseAsync(Guid userId, CancellationToken cancellationToken);
}
