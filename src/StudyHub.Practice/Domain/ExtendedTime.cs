namespace StudyHub.Practice.Domain;

/// <summary>
/// A teacher's extended-time setting for one student in one class: a multiplier on every question's
/// time limit, in percent. A session takes the largest setting among the classes the student is in
/// when it starts, and keeps it (<see cref="GameSession.ExtendedTimePercent"/>).
/// </summary>
internal sealed class ExtendedTime
{
    public const int None = 100;
    public const int Step = 25;
    public const int Max = 300;

    /// <summary>The choices a teacher is offered: 1×, 1.25×, 1.5×, 1.75×, 2×, 2.5×, 3×.</summary>
    public static readonly IReadOnlyList<int> Choices = [100, 125, 150, 175, 200, 250, 300];

    public Guid ClassroomId { get; init; }

    public Guid StudentId { get; init; }

    public int Percent { get; set; }

    public Guid SetBy { get; set; }

    public DateTime SetAt { get; set; }

    public static bool IsValid(int percent) => percent is >= None and <= Max && percent % Step == 0;

    /// <summary>"1.5×" for 150.</summary>
    public static string Label(int percent) =>
        (percent / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "×";
}
