namespace StudyHub.Progress.Domain;

/// <summary>
/// The four Bayesian Knowledge Tracing parameters of one skill (Corbett &amp; Anderson, 1995):
/// P(L0) known before practice, P(T) learning at each opportunity, P(G) right while not knowing,
/// P(S) wrong while knowing. Forgetting is not modelled (the learned state is absorbing).
/// </summary>
internal readonly record struct BktParameters(double Prior, double Learn, double Guess, double Slip)
{
    /// <summary>Upper bounds that keep the model identifiable: beyond them "knows but slips" and
    /// "guesses without knowing" explain the same answers (Beck &amp; Chang, 2007).</summary>
    public const double MaxGuess = 0.3;
    public const double MaxSlip = 0.1;

    /// <summary>Used for a skill until a refit from its own answers replaces them: a quarter of
    /// students start knowing it, a four-option question is guessed one time in five.</summary>
    public static BktParameters Default { get; } = new(Prior: 0.25, Learn: 0.15, Guess: 0.2, Slip: 0.1);

    public bool IsValid =>
        InOpenUnit(Prior) && InOpenUnit(Learn)
        && InOpenUnit(Guess) && Guess <= MaxGuess
        && InOpenUnit(Slip) && Slip <= MaxSlip;

    private static bool InOpenUnit(double value) => value > 0 && value < 1;
}
