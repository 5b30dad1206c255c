using StudyHub.Math.Numbers;

namespace StudyHub.Math.Algebra;

/// <summary>
/// Numerator/denominator pair of polynomials: the exact form of any rational expression.
/// Arithmetic does not cancel; <see cref="Reduce"/> does, and reports the restrictions it hides.
/// </summary>
internal sealed record PolynomialFraction(Polynomial Numerator, Polynomial Denominator)
{
    public static PolynomialFraction FromPolynomial(Polynomial polynomial) => new(polynomial, Polynomial.One);

    public static PolynomialFraction Constant(Rational value) => FromPolynomial(Polynomial.Constant(value));

    public bool IsPolynomial => Denominator.IsConstant;

    public static PolynomialFraction operator +(PolynomialFraction a, PolynomialFraction b)
    {
        if (a.Denominator.Equals(b.Denominator))
        {
            return new PolynomialFraction(a.Numerator + b.Numerator, a.Denominator);
        }

        return new PolynomialFraction((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator).Normalize();
    }

    public static PolynomialFraction operator -(PolynomialFraction a) => new(-a.Numerator, a.Denominator);

    public static PolynomialFraction operator -(PolynomialFraction a, PolynomialFraction b) => a + (-b);

    public static PolynomialFraction operator *(PolynomialFraction a, PolynomialFraction b) =>
        new PolynomialFraction(a.Numerator * b.Numerator, a.Denominator * b.Denominator).Normalize();

    public PolynomialFraction Reciprocal()
    {
        if (Numerator.IsZero)
        {
            throw new MathEngineException(ErrorCodes.DivisionByZero, "Division by zero is undefined.");
        }

        return new PolynomialFraction(Denominator, Numerator).Normalize();
    }

    /// <summary>Folds a constant denominator into the numerator so polynomials stay polynomials.</summary>
    public PolynomialFraction Normalize()
    {
        if (Denominator.IsConstant)
        {
            var c = Denominator.ConstantTerm;
            return c.IsOne ? this : new PolynomialFraction(Numerator.Scale(c.Reciprocal()), Polynomial.One);
        }

        return this;
    }

    /// <summary>Cancels common factors; returns the polynomial factors that were cancelled (for x ≠ … notes).</summary>
    public (PolynomialFraction Reduced, List<Polynomial> Cancelled) Reduce()
    {
        var cancelled = new List<Polynomial>();
        var normalized = Normalize();
        if (normalized.IsPolynomial || normalized.Numerator.IsZero)
        {
            return (normalized.Numerator.IsZero ? FromPolynomial(Polynomial.Zero) : normalized, cancelled);
        }

        var numerator = normalized.Numerator;
        var denominator = normalized.Denominator;

        // Whole denominator divides the numerator (works for several variables too).
        var exact = numerator.TryDivideExactly(denominator);
        if (exact is not null)
        {
            cancelled.Add(denominator);
            return (FromPolynomial(exact), cancelled);
        }

        var variables = numerator.Variables();
        variables.UnionWith(denominator.Variables());
        if (variables.Count == 1)
        {
            var variable = variables.Min!;
            var n = new UnivariatePolynomial(numerator.ToDense(variable)!);
            var d = new UnivariatePolynomial(denominator.ToDense(variable)!);
            var gcd = UnivariatePolynomial.Gcd(n, d);
            if (gcd.Degree > 0)
            {
                cancelled.Add(gcd.ToPolynomial(variable));
                numerator = n.DivRem(gcd).Quotient.ToPolynomial(variable);
                denominator = d.DivRem(gcd).Quotient.ToPolynomial(variable);
            }
        }
        else
        {
            var (_, nCommon, _) = numerator.Content();
            var (_, dCommon, _) = denominator.Content();
            var common = Monomial.Gcd(nCommon, dCommon);
            if (!common.IsOne)
            {
                var factor = Polynomial.Term(Rational.One, common);
                cancelled.Add(factor);
                numerator = numerator.TryDivideExactly(factor)!;
                denominator = denominator.TryDivideExactly(factor)!;
            }
        }

        // Make the denominator's leading coefficient a positive integer-friendly 1 where possible.
        var (dContent, _, _) = denominator.Content();
        var lead = denominator.LeadingTerm().Value;
        var scale = lead.Sign < 0 ? -dContent : dContent;
        numerator = numerator.Scale(scale.Reciprocal());
        denominator = denominator.Scale(scale.Reciprocal());
        return (new PolynomialFraction(numerator, denominator).Normalize(), cancelled);
    }

    public bool EquivalentTo(PolynomialFraction other) =>
        (Numerator * other.Denominator).Equals(other.Numerator * Denominator);

    public override string ToString()
    {
        if (IsPolynomial)
        {
            return Numerator.ToString();
        }

        var numerator = Numerator.TermCount > 1 ? "(" + Numerator + ")" : Numerator.ToString();
        var denominator = Denominator.TermCount > 1 || Denominator.Terms.Keys.Any(m => m.Factors.Count > 1) || Denominator.Terms.Values.Any(c => !c.IsOne)
            ? "(" + Denominator + ")"
            : Denominator.ToString();
        return numerator + "/" + denominator;
    }
}
