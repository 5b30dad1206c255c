namespace StudyHub.Progress.Domain;

internal sealed record RefitResult(BktParameters Parameters, int Iterations, double LogLikelihood, bool Converged);

/// <summary>
/// Fits a skill's BKT parameters to its students' answer sequences by expectation-maximisation
/// (Baum–Welch on the two-state hidden Markov model "not known → known", known absorbing).
/// </summary>
internal static class BktRefit
{
    /// <summary>Below this many answers a refit follows noise more than students; keep the defaults.</summary>
    public const int MinimumAnswers = 500;

    private const int MaxIterations = 300;
    private const double Tolerance = 1e-7;

    // Keeps every probability strictly inside (0, 1) so no state becomes impossible and logs stay finite.
    private const double Floor = 1e-4;

    public static RefitResult Fit(AnswerSequences data, BktParameters start)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.AnswerCount == 0)
        {
            throw new ArgumentException("A refit needs at least one answer.", nameof(data));
        }

        var current = Constrain(start);
        var buffers = new Buffers(data.LongestSequence);
        var previous = double.NegativeInfinity;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var (next, logLikelihood) = Step(data, current, buffers);
            current = next;

            // EM never lowers the likelihood, so a change this small relative to it means it has settled.
            if (logLikelihood - previous < Tolerance * System.Math.Abs(logLikelihood))
            {
                return new RefitResult(current, iteration, logLikelihood, Converged: true);
            }

            previous = logLikelihood;
        }

        return new RefitResult(current, MaxIterations, previous, Converged: false);
    }

    /// <summary>One E-step (scaled forward–backward per sequence) and the M-step; returns the new
    /// parameters and the log-likelihood of the data under the old ones.</summary>
    private static (BktParameters Next, double LogLikelihood) Step(AnswerSequences data, BktParameters p, Buffers b)
    {
        double knownAtStart = 0, learned = 0, unknownBeforeLast = 0;
        double unknownTotal = 0, unknownCorrect = 0, knownTotal = 0, knownWrong = 0;
        double logLikelihood = 0;

        for (var s = 0; s < data.SequenceCount; s++)
        {
            var answers = data.Sequence(s);
            var n = answers.Length;

            // Forward: alpha normalised to sum 1 at each step; scale[t] is P(o_t | o_1..t-1).
            for (var t = 0; t < n; t++)
            {
                double unknown, known;
                if (t == 0)
                {
                    unknown = 1 - p.Prior;
                    known = p.Prior;
                }
                else
                {
                    unknown = b.Unknown[t - 1] * (1 - p.Learn);
                    known = b.Known[t - 1] + b.Unknown[t - 1] * p.Learn;
                }

                unknown *= EmitUnknown(p, answers[t]);
                known *= EmitKnown(p, answers[t]);
                var scale = unknown + known;
                b.Unknown[t] = unknown / scale;
                b.Known[t] = known / scale;
                b.Scale[t] = scale;
                logLikelihood += System.Math.Log(scale);
            }

            // Backward, accumulating the expected counts as it goes.
            double betaUnknown = 1, betaKnown = 1;
            for (var t = n - 1; t >= 0; t--)
            {
                if (t < n - 1)
                {
                    var nextUnknown = EmitUnknown(p, answers[t + 1]) * betaUnknown / b.Scale[t + 1];
                    var nextKnown = EmitKnown(p, answers[t + 1]) * betaKnown / b.Scale[t + 1];

                    // Expected transitions not known → known between t and t+1.
                    learned += b.Unknown[t] * p.Learn * nextKnown;
                    betaUnknown = (1 - p.Learn) * nextUnknown + p.Learn * nextKnown;
                    betaKnown = nextKnown;
                }

                var gammaUnknown = b.Unknown[t] * betaUnknown;
                var gammaKnown = b.Known[t] * betaKnown;
                var norm = gammaUnknown + gammaKnown;
                gammaUnknown /= norm;
                gammaKnown /= norm;

                if (t < n - 1)
                {
                    unknownBeforeLast += gammaUnknown;
                }

                unknownTotal += gammaUnknown;
                knownTotal += gammaKnown;
                if (answers[t])
                {
                    unknownCorrect += gammaUnknown;
                }
                else
                {
                    knownWrong += gammaKnown;
                }

                if (t == 0)
                {
                    knownAtStart += gammaKnown;
                }
            }
        }

        // Each M-step term is a Bernoulli likelihood, concave in its one parameter, so clamping to
        // the bounds is the constrained maximum, not an approximation.
        var next = Constrain(new BktParameters(
            Prior: knownAtStart / data.SequenceCount,
            Learn: unknownBeforeLast > 0 ? learned / unknownBeforeLast : p.Learn,
            Guess: unknownTotal > 0 ? unknownCorrect / unknownTotal : p.Guess,
            Slip: knownTotal > 0 ? knownWrong / knownTotal : p.Slip));
        return (next, logLikelihood);
    }

    private static double EmitUnknown(BktParameters p, bool correct) => correct ? p.Guess : 1 - p.Guess;

    private static double EmitKnown(BktParameters p, bool correct) => correct ? 1 - p.Slip : p.Slip;

    private static BktParameters Constrain(BktParameters p) => new(
        Math.Clamp(p.Prior, Floor, 1 - Floor),
        Math.Clamp(p.Learn, Floor, 1 - Floor),
        Math.Clamp(p.Guess, Floor, BktParameters.MaxGuess),
        Math.Clamp(p.Slip, Floor, BktParameters.MaxSlip));

    private sealed class Buffers(int length)
    {
        public double[] Unknown { get; } = new double[length];
        public double[] Known { get; } = new double[length];
        public double[] Scale { get; } = new double[length];
    }
}
