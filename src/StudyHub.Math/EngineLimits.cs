namespace StudyHub.Math;

/// <summary>
/// Explicit budgets. Every one of them exists so that a hostile or accidental input ends in the
/// engine's own error quickly instead of burning CPU, memory or stack.
/// </summary>
public sealed record EngineLimits
{
    public static EngineLimits Default { get; } = new();

    public int MaxInputLength { get; init; } = 2_000;

    public int MaxDepth { get; init; } = 200;

    public int MaxNumberDigits { get; init; } = 300;

    /// <summary>Largest number (in decimal digits) any computation may produce.</summary>
    public int MaxResultDigits { get; init; } = 5_000;

    /// <summary>Largest degree a polynomial may reach (guards x^1000000 and (x+1)^10^6).</summary>
    public int MaxDegree { get; init; } = 200;

    public int MaxTerms { get; init; } = 5_000;

    /// <summary>Work units (coefficient operations, candidate tests) one request may spend.</summary>
    public long MaxSteps { get; init; } = 2_000_000;
}
