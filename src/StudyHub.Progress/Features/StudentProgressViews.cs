using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>A weak spot as the dashboards show it; <c>Action</c> is <c>practice-game</c> or <c>review-material</c>.</summary>
public sealed record WeakSpotView(
    string SkillId,
    int Answered,
    double Accuracy,
    double Priority,
    double AccuracyGap,
    double AttemptsFactor,
    double TimeFactor,
    double? ExamWeight,
    string Action,
    Guid? MaterialId)
{
    internal static WeakSpotView From(WeakSpot spot) => new(
        spot.SkillId, spot.Answered, Math.Round(spot.Accuracy, 4), Math.Round(spot.Priority, 2),
        Math.Round(spot.AccuracyGap, 4), Math.Round(spot.AttemptsFactor, 4), Math.Round(spot.TimeFactor, 4), spot.ExamWeight,
        ActionName(spot.Action.Kind), spot.Action.MaterialId);

    internal static string ActionName(WeakSpotActionKind kind) => kind switch
    {
        WeakSpotActionKind.ReviewMaterial => "review-material",
        _ => "practice-game",
    };
}
