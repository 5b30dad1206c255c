using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Tests;

public class BktRefitTests
{
    /// <summary>Students answering per the BKT model with the given parameters (seeded, so repeatable).</summary>
    internal static AnswerSequences Simulate(BktParameters truth, int students, int answersEach, int seed)
    {
        var random = new Random(seed);
        var sequences = new List<bool[]>(students);
        for (var s = 0; s < students; s++)
        {
            var known = random.NextDouble() < truth.Prior;
            var answers = new bool[answersEach];
            for (var t = 0; t < answersEach; t++)
            {
                answers[t] = known ? random.NextDouble() >= truth.Slip : random.NextDouble() < truth.Guess;
                known = known || random.NextDouble() < truth.Learn;
            }

            sequences.Add(answers);
        }

        return AnswerSequences.From(sequences);
    }

    [Theory]
    [InlineData(0.35, 0.12, 0.22, 0.07, 1)]
    [InlineData(0.10, 0.20, 0.15, 0.05, 2)]
    [InlineData(0.50, 0.08, 0.28, 0.09, 3)]
    public void Recovers_known_parameters_from_simulated_students_within_0_05(double prior, double learn, double guess, double slip, int seed)
    {
        var truth = new BktParameters(prior, learn, guess, slip);
        var data = Simulate(truth, students: 4000, answersEach: 25, seed);

        var fit = BktRefit.Fit(data, BktParameters.Default);

        Assert.True(fit.Converged);
        Assert.InRange(fit.Parameters.Prior, prior - 0.05, prior + 0.05);
        Assert.InRange(fit.Parameters.Learn, learn - 0.05, learn + 0.05);
        Assert.InRange(fit.Parameters.Guess, guess - 0.05, guess + 0.05);
        Assert.InRange(fit.Parameters.Slip, slip - 0.05, slip + 0.05);
    }

    [Fact]
    public void The_fit_explains_the_data_better_than_the_defaults_and_is_repeatable()
    {
        var data = Simulate(new BktParameters(0.35, 0.12, 0.22, 0.07), 500, 20, seed: 4);
        var fit = BktRefit.Fit(data, BktParameters.Default);
        var again = BktRefit.Fit(data, BktParameters.Default);

        Assert.True(fit.Iterations > 1);
        Assert.True(fit.LogLikelihood >= LogLikelihoodOf(data, BktParameters.Default));
        Assert.Equal(fit, again);
    }

    [Fact]
    public void Guess_and_slip_stay_within_their_bounds_even_when_the_data_pull_beyond()
    {
        // Right half the time whatever the student knows: unconstrained EM would push guess to ~0.5.
        var random = new Random(5);
        var sequences = Enumerable.Range(0, 300)
            .Select(_ => (IReadOnlyList<bool>)Enumerable.Range(0, 15).Select(_ => random.NextDouble() < 0.5).ToArray());

        var fit = BktRefit.Fit(AnswerSequences.From(sequences), BktParameters.Default);

        Assert.True(fit.Parameters.IsValid);
        Assert.InRange(fit.Parameters.Guess, 0, BktParameters.MaxGuess);
        Assert.InRange(fit.Parameters.Slip, 0, BktParameters.MaxSlip);
    }

    [Fact]
    public void No_answers_is_refused()
    {
        Assert.Throws<ArgumentException>(() => BktRefit.Fit(AnswerSequences.From([]), BktParameters.Default));
    }

    // The forward algorithm alone, independent of the refit's code, to check it improves the likelihood.
    private static double LogLikelihoodOf(AnswerSequences data, BktParameters p)
    {
        var total = 0.0;
        for (var s = 0; s < data.SequenceCount; s++)
        {
            var known = p.Prior;
            foreach (var correct in data.Sequence(s))
            {
                var pCorrect = known * (1 - p.Slip) + (1 - known) * p.Guess;
                total += Math.Log(correct ? pCorrect : 1 - pCorrect);
                known = KnowledgeTracing.Update(known, correct, p);
            }
        }

        return total;
    }
}
