namespace StudyHub.Progress.Domain;

/// <summary>The Bayesian Knowledge Tracing update and the rules for which answers are evidence.</summary>
internal static class KnowledgeTracing
{
    /// <summary>A skill counts as mastered from this probability of knowing it (Corbett &amp; Anderson's threshold).</summary>
    public const double MasteryThreshold = 0.95;

    public static bool IsMastered(double pKnown) => pKnown >= MasteryThreshold;

    /// <summary>
    /// P(L) after observing one answer: Bayes' rule on the answer, then the chance of learning
    /// from this opportunity: P(L') = P(L|obs) + (1 − P(L|obs)) · P(T).
    /// </summary>
    public static double Update(double pKnown, bool correct, BktParameters parameters)
    {
        var (_, learn, guess, slip) = parameters;
        var posterior = correct
            ? pKnown * (1 - slip) / (pKnown * (1 - slip) + (1 - pKnown) * guess)
            : pKnown * slip / (pKnown * slip + (1 - pKnown) * (1 - guess));
        return posterior + (1 - posterior) * learn;
    }

    /// <summary>
    /// Whether an attempt is evidence, and which way: only the first attempt at a question counts
    /// (later attempts have seen the feedback), and a first attempt made after a hint counts as
    /// incorrect (the hint did part of the work). Null when the attempt is not evidence.
    /// </summary>
    public static bool? Evidence(int attemptNumber, bool correct, int hintsUsedBefore)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptNumber, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hintsUsedBefore);
        if (attemptNumber > 1)
        {
            return null;
        }

        return correct && hintsUsedBefore == 0;
    }
}
