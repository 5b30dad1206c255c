using StudyHub.Math.Algebra;
using StudyHub.Math.Solving;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Teaching;

/// <summary>
/// Names the misconception behind a wrong answer by carrying out every misconception the
/// distractor catalogue knows on the same problem and looking for the student's answer among the
/// results: the explanation a student reads is the one a multiple-choice option would have shown.
/// </summary>
internal static class MisconceptionFinder
{
    public static Distractor? Find(Solution solution, string answer)
    {
        foreach (var candidate in DistractorGenerator.Generate(solution, 20))
        {
            if (SameAnswer(candidate.Answer, answer))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Same text (ignoring spaces), or the same set of values ("x = -3 or x = 2" vs "2, -3").</summary>
    private static bool SameAnswer(string expected, string given)
    {
        if (Compact(expected) == Compact(given))
        {
            return true;
        }

        try
        {
            var left = Values(expected);
            var right = Values(given);
            return left is not null && right is not null && left.SetEquals(right);
        }
        catch (MathEngineException)
        {
            return false;
        }
    }

    private static HashSet<string>? Values(string text)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in Parser.ParseStatements(text))
        {
            var side = statement is { Operator: RelationOperator.Equal, Right: { } right } ? right : statement.Operator is null ? statement.Left : null;
            if (side is null || AlgebraicReader.TryToFraction(side) is not { } fraction)
            {
                return null;
            }

            values.Add(fraction.Reduce().Reduced.ToString());
        }

        return values;
    }

    private static string Compact(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal);
}
