using System.Globalization;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Pages;

/// <summary>How the assignment pages word a status and a due time (the status is always written out, never colour alone).</summary>
internal static class AssignmentText
{
    public static (string Label, string Css) Status(AssignmentStatus? status) => status switch
    {
        AssignmentStatus.Completed => ("Done", "pill-ok"),
        AssignmentStatus.CompletedLate => ("Done late", "pill-warn"),
        AssignmentStatus.Missing => ("Missing", "pill-danger"),
        AssignmentStatus.InProgress => ("Started", "pill-info"),
        _ => ("To do", ""),
    };

    /// <summary>"2026-11-27T17:00" (the class's clock) → "Fri 27 Nov 2026, 17:00".</summary>
    public static string Due(string local) =>
        DateTime.TryParseExact(local, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? due.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)
            : local;

    public static string Duration(int seconds) => seconds switch
    {
        0 => "—",
        < 60 => $"{seconds} s",
        _ => $"{seconds / 60} min {seconds % 60} s",
    };
}
