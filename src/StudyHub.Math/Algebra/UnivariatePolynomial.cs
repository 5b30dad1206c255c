using StudyHub.Math.Numbers;

namespace StudyHub.Math.Algebra;

/// <summary>Dense one-variable polynomial (index = power) for division, gcd and root finding.</summary>
internal sealed class UnivariatePolynomial
{
    public UnivariatePolynomial(IEnumerable<Rational> coefficients)
    {
        var list = coefficients.ToList();
        while (list.Count > 0 && list[^1].IsZero)
        {
            list.RemoveAt(list.Count - 1);
        }

        Coefficients = list;
    }

    /// <summary>Low to high power; empty for the zero polynomial.</summary>
    public IReadOnlyList<Rational> Coefficients { get; }

    public int Degree => Coefficients.Count - 1;

    public bool IsZero => Coefficients.Count == 0;

    public Rational Leading => Coefficients.Count == 0 ? Rational.Zero : Coefficients[^1];

    public Rational this[int power] => power < Coefficients.Count ? Coefficients[power] : Rational.Zero;

    public Rational Evaluate(Rational x)
    {
        var result = Rational.Zero;
        for (var i = Coefficients.Count - 1; i >= 0; i--)
        {
            result = (result * x) + Coefficients[i];
        }

        return result;
    }

    public ExactNumber Evaluate(ExactNumber x)
    {
        var result = ExactNumber.Zero;
        for (var i = Coefficients.Count - 1; i >= 0; i--)
        {
            result = (result * x) + Coefficients[i];
        }

        return result;
    }

    public (UnivariatePolynomial Quotient, UnivariatePolynomial Remainder) DivRem(UnivariatePolynomial divisor)
    {
        if (divisor.IsZero)
        {
            throw new MathEngineException(ErrorCodes.DivisionByZero, "Division by zero is undefined.");
        }

        var remainder = Coefficients.ToArray();
        var quotient = new Rational[System.Math.Max(0, Degree - divisor.Degree + 1)];
        for (var i = Degree - divisor.Degree; i >= 0; i--)
        {
            var factor = remainder[i + divisor.Degree] / divisor.Leading;
            quotient[i] = factor;
            WorkMeter.Charge(divisor.Coefficients.Count);
            for (var j = 0; j <= divisor.Degree; j++)
            {
                remainder[i + j] -= factor * divisor.Coefficients[j];
            }
        }

        return (new UnivariatePolynomial(quotient), new UnivariatePolynomial(remainder.Take(System.Math.Max(0, divisor.Degree))));
    }

    public UnivariatePolynomial Monic() =>
        IsZero ? this : new UnivariatePolynomial(Coefficients.Select(c => c / Leading));

    public static UnivariatePolynomial Gcd(UnivariatePolynomial a, UnivariatePolynomial b)
    {
        while (!b.IsZero)
        {
            var (_, remainder) = a.DivRem(b);
            a = b;
            b = remainder;
        }

        return a.Monic();
    }

    public Polynomial ToPolynomial(string variable) => Polynomial.FromDense(Coefficients, variable);
}
