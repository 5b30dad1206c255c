using System.Text;

namespace StudyHub.Math.Tests;

/// <summary>
/// Throws 100,000 generated inputs at parse + solve + check. The only acceptable failure is the
/// engine's own exception with a non-internal code. Fixed seed so a failure reproduces.
/// </summary>
public class FuzzTests
{
    private const string Alphabet = "0123456789xyzab+-*/^()[]{}=<>,.% ×÷−²³√≤≥½\\:;!e";

    private static readonly string[] Tokens =
    [
        "x", "y", "2", "3", "0", "10", "0.5", "1/2", "+", "-", "*", "/", "^", "(", ")", "=", "<", "≤", ",", "√", "%",
        "sin", "cos", "ln", "exp", "e^", "\\frac{1}{2}", "\\sqrt{", "}", "{", "solve ", "factor ", "expand ", "simplify ",
        "d/dx ", "solve for y: ", " of ", "2 1/2", "x2", "²", "π", "∞", "±", " or ", "999999999999",
        "|", "!", "∛", "\\sqrt[3]{", "cube root of ", " is what percent of ", "increase ", " by ", "% ", "\n",
        "factor completely ", "find dy/dx if y = ", "f'(x) for f(x) = ", "make x the subject of ", " and ", "÷",
    ];

    /// <summary>Word salad, other languages and scripts, emoji, and instruction phrases far longer than any real one.</summary>
    private static readonly string[] Words =
    [
        "the", "cat", "solve", "please", "help", "what", "is", "percent", "of", "integrate", "dx", "limit", "résoudre",
        "l'équation", "löse", "die", "Gleichung", "解方程", "求", "x的值", "решите", "уравнение", "حل", "المعادلة", "समीकरण",
        "🙂", "🙏", "🔥", "👩‍🏫", "∑", "∫", "ℝ", "𝑥", "simplify", "fully", "completely", "and", "expand", "then", "factorise",
        "with", "respect", "to", "t", "find", "the", "value", "when", "x", "=", "3", "2x+3=11", "x^2", "root", "cube",
    ];

    private static readonly string[] Seeds =
    [
        "2x+3=11", "x^2 - 5x + 6 = 0", "3/4 + 5/6", "2 1/2 × 4", "15% of 80", "solve for y: 2x + 3y = 12",
        "simplify (x^2-1)/(x-1)", "2(x-3) = 4x + 1", "x + y = 10, x - y = 2", "expand (x+2)^3", "factor x^2 + 7x + 12",
        "√12", "3x − 4 ≤ 11", "d/dx (3x^2 + 2x)", "\\frac{x}{2} = 3", "x^3 - 6x^2 + 11x - 6 = 0", "d/dx sin(x^2)/x",
        "evaluate 2x + 1 for x = 3", "x/(x-1) = 2", "factor 6x^2y + 9xy^2",
    ];

    [Fact]
    [Trait("Category", "Fuzz")]
    public void Random_inputs_only_raise_engine_errors()
    {
        var engine = new MathEngine();
        var random = new Random(20_240_601);
        var failures = new List<string>();
        var engineErrors = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var input = (i % 4) switch
            {
                0 => RandomCharacters(random),
                1 => RandomTokens(random),
                2 => WordSalad(random, i % 400 == 2 ? 300 : random.Next(1, 12)),
                _ => Mutate(random, Seeds[random.Next(Seeds.Length)]),
            };

            foreach (var call in new Func<object>[]
            {
                () => engine.Solve(input),
                () => engine.Check(Seeds[i % Seeds.Length], input),
            }.Concat(i % 50 == 0
                ? [() => engine.Hint(input, 1 + (i % 4)), () => engine.Distractors(input, 4), () => engine.ErrorSolution(input, i)]
                : []))
            {
                try
                {
                    call();
                }
                catch (MathEngineException e) when (e.Code != ErrorCodes.Internal)
                {
                    engineErrors++;
                }
                catch (Exception e)
                {
                    if (failures.Count < 20)
                    {
                        failures.Add($"{input} -> {e.GetType().Name}: {e.InnerException?.GetType().Name} {e.InnerException?.Message ?? e.Message}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(engineErrors > 0);
    }

    private static string RandomCharacters(Random random)
    {
        var length = random.Next(1, 25);
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return sb.ToString();
    }

    private static string WordSalad(Random random, int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            sb.Append(Words[random.Next(Words.Length)]).Append(random.Next(4) == 0 ? string.Empty : " ");
        }

        return sb.ToString();
    }

    private static string RandomTokens(Random random)
    {
        var count = random.Next(1, 14);
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(Tokens[random.Next(Tokens.Length)]);
        }

        return sb.ToString();
    }

    private static string Mutate(Random random, string seed)
    {
        var chars = new StringBuilder(seed);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(chars.Length + 1);
            switch (random.Next(3))
            {
                case 0 when chars.Length > 0 && at < chars.Length:
                    chars.Remove(at, 1);
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                default:
                    chars.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
            }
        }

        return chars.ToString();
    }
}
