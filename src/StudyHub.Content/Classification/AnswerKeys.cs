using StudyHub.Math;

namespace StudyHub.Content.Classification;

/// <summary>An answer key, or why there is none.</summary>
internal sealed record AnswerKey(string? Exact, string? Decimal, string? NoKeyReason)
{
    public static AnswerKey None(string reason) => new(null, null, reason);
}

/// <summary>
/// Makes a problem's answer key with the math engine. Anything the engine refuses, and any text
/// read with low confidence, gets no key (with the reason): a missing key is better than a wrong one.
/// </summary>
internal sealed class AnswerKeys(MathEngine engine)
{
    /// <summary>Below this reading confidence the text may not be what the sheet says, so its key could be wrong.</summary>
    public const double MinimumConfidence = 0.5;

    public AnswerKey For(string text, string? instruction, double confidence)
    {
        if (confidence < MinimumConfidence)
        {
            return AnswerKey.None("The problem was not read clearly; correct its text to get an answer key.");
        }

        string? refusal = null;
        foreach (var input in MathText.EngineInputs(text, instruction))
        {
            if (!MathText.LooksLikeMath(input))
            {
                continue;
            }

            try
            {
                var result = engine.Solve(input);
                var decimals = result.DecimalAnswers.Count > 0 ? string.Join(", ", result.DecimalAnswers) : null;
                return new AnswerKey(result.Answer, decimals, null);
            }
            catch (MathEngineException e)
            {
                refusal ??= e.Message;
            }
        }

        return AnswerKey.None(refusal is null
            ? "Not a problem the math engine solves."
            : "The math engine could not solve it: " + refusal);
    }
}
