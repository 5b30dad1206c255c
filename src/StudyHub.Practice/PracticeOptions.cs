using System.ComponentModel.DataAnnotations;

namespace StudyHub.Practice;

internal sealed class PracticeOptions
{
    public const string Section = "Practice";

    /// <summary>The seed's limit: 50 quizzes (game sessions) per student per day, in the student's time zone.</summary>
    [Range(1, 100_000)]
    public int QuizzesPerDay { get; set; } = 50;
}
