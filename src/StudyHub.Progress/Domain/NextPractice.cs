namespace StudyHub.Progress.Domain;

internal enum RecommendationReason
{
    /// <summary>The least-mastered skill whose prerequisites are all mastered: the edge of what the student can learn next.</summary>
    NextOnThePath,

    /// <summary>Nothing is ready on the path; the most urgent weak spot instead.</summary>
    WeakSpot,
}

internal sealed record Recommendation(string SkillId, RecommendationReason Reason, double PKnown, WeakSpotAction Action);

/// <summary>The next best practice for a student.</summary>
internal static class NextPractice
{
    /// <param name="prerequisites">Every catalogue skill the student may practise, with its prerequisites.</param>
    /// <param name="pKnown">The student's P(L) per skill; a skill never practised is at its prior.</param>
    /// <param name="prior">The prior of a skill the student has no evidence on.</param>
    /// <param name="rankedWeakSpots">The student's weak spots, highest priority first.</param>
    public static Recommendation? Recommend(
        IReadOnlyDictionary<string, IReadOnlyList<string>> prerequisites,
        IReadOnlyDictionary<string, double> pKnown,
        Func<string, double> prior,
        IReadOnlyList<WeakSpot> rankedWeakSpots)
    {
        ArgumentNullException.ThrowIfNull(prerequisites);
        ArgumentNullException.ThrowIfNull(pKnown);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(rankedWeakSpots);

        double Known(string skill) => pKnown.TryGetValue(skill, out var p) ? p : prior(skill);

        var ready = prerequisites
            .Where(skill => !KnowledgeTracing.IsMastered(Known(skill.Key))
                && skill.Value.All(required => KnowledgeTracing.IsMastered(Known(required))))
            .Select(skill => (Id: skill.Key, P: Known(skill.Key)))
            .OrderBy(skill => skill.P)
            .ThenBy(skill => skill.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (ready.Id is not null)
        {
            return new Recommendation(ready.Id, RecommendationReason.NextOnThePath, ready.P,
                new WeakSpotAction(WeakSpotActionKind.PracticeGame, ready.Id, null));
        }

        if (rankedWeakSpots.Count > 0)
        {
            var top = rankedWeakSpots[0];
            return new Recommendation(top.SkillId, RecommendationReason.WeakSpot, Known(top.SkillId), top.Action);
        }

        return null;
    }
}
