using Microsoft.EntityFrameworkCore;

namespace StudyHub.Kernel.Users;

/// <summary>A parent who asked for the weekly summary about their children (Identity's opt-in weekly-summary preference, verified address).</summary>
public sealed record ParentMailRecipient(Guid ParentId, string DisplayName, string Language, string TimeZone, IReadOnlyList<StudentSummary> Children);

/// <summary>A mail to one account: paragraphs, one button to a path of this StudyHub, a footer.</summary>
/// <param name="Language">The language it is written in (ISO 639-1); null: the recipient's preferred one.</param>
public sealed record AccountMail(string Subject, IReadOnlyList<string> Paragraphs, string ActionLabel, string ActionPath, string? Footer, string? Language = null);

/// <summary>Mail to parents about their children; the Identity module answers (it owns addresses and preferences).</summary>
public interface IFamilyMail
{
    /// <summary>Parents with a verified address and the weekly summary asked for, each with their linked children (none erased).</summary>
    Task<IReadOnlyList<ParentMailRecipient>> ParentsWantingProgressMailAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds the mail to <paramref name="unitOfWork"/> (its DbContext must map the shared jobs
    /// table), so it is sent only if the caller's own record of it commits, and then by the job
    /// runner with retries. False when the account may not be mailed (no verified address, weekly
    /// summary not asked for, disabled or erased): nothing is added.
    /// </summary>
    Task<bool> EnqueueAsync(DbContext unitOfWork, Guid userId, AccountMail mail, CancellationToken cancellationToken);
}
