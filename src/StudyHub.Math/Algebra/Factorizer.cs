using System.Numerics;
using System.Text;
using StudyHub.Math.Numbers;

namespace StudyHub.Math.Algebra;

/// <summary>A polynomial written as constant · common monomial · product of factors with multiplicities.</summary>
internal sealed record Factorization(Rational Constant, Monomial Common, IReadOnlyList<(Polynomial Factor, int Multiplicity)> Factors)
{
    public bool IsTrivial => Factors.Count <= 1 && Common.IsOne && Constant.IsOne && (Factors.Count == 0 || Factors[0].Multiplicity == 1);

    public Polynomial Expand()
    {
        var result = Polynomial.Term(Constant, Common);
        foreach (var (factor, multiplicity) in Factors)
        {
            result *= factor.Pow(multiplicity);
        }

        return result;
    }

    public override string ToString()
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        var factorCount = Factors.Count + (Common.IsOne ? 0 : 1);
        if (Constant == Rational.MinusOne && factorCount > 0)
        {
            sb.Append('-');
        }
        else if (!Constant.IsOne || factorCount == 0)
        {
            sb.Append(Constant.IsInteger ? Constant.ToString() : "(" + Constant + ")");
        }

        if (!Common.IsOne)
        {
            sb.Append(Common);
        }

        var alone = sb.Length == 0 && Factors.Count == 1 && Factors[0].Multiplicity == 1;
        foreach (var (factor, multiplicity) in Factors)
        {
            var text = factor.ToString();
            var needsBrackets = !alone && (factor.TermCount > 1 || multiplicity > 1);
            sb.Append(needsBrackets ? "(" + text + ")" : text);
            if (multiplicity > 1)
            {
                sb.Append('^').Append(multiplicity);
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// Factoring over the rationals: common factors, rational roots (degree up to what the budget
/// allows, at least 4), biquadratics and two-variable homogeneous forms.
/// </summary>
/// <summary>Which moves a factorization made, for the steps shown to the student.</summary>
internal sealed class FactorTrace
{
    /// <summary>A biquadratic a·x^4 + b·x^2 + c was factored as a quadratic in x^2.</summary>
    public bool QuadraticInSquare { get; set; }
}

internal static class Factorizer
{
    public static Factorization Factor(Polynomial polynomial, FactorTrace? trace = null)
    {
        if (polynomial.IsZero)
        {
            return new Factorization(Rational.Zero, Monomial.One, []);
        }

        var (content, common, primitive) = polynomial.Content();

        // Keep the leading coefficient of what remains positive.
        if (primitive.OrderedTerms().First().Value.Sign < 0)
        {
            content = -content;
            primitive = -primitive;
        }

        var factors = new List<(Polynomial, int)>();
        if (!primitive.IsConstant)
        {
            FactorPrimitive(primitive, factors, trace);
        }

        return new Factorization(content, common, Merge(factors));
    }

    private static void FactorPrimitive(Polynomial primitive, List<(Polynomial, int)> factors, FactorTrace? trace)
    {
        var variables = primitive.Variables();
        if (variables.Count == 1)
        {
            var variable = variables.Min!;
            foreach (var (factor, multiplicity) in FactorUnivariate(new UnivariatePolynomial(primitive.ToDense(variable)!), trace))
            {
                factors.Add((factor.ToPolynomial(variable), multiplicity));
            }

            return;
        }

        if (variables.Count == 2 && IsHomogeneous(primitive))
        {
            // x^2 - 4y^2: factor x^2 - 4 in x (y = 1), then put y back to make each factor homogeneous.
            var x = variables.Min!;
            var y = variables.Max!;
            var dehomogenized = primitive.Substitute(y, Polynomial.One);
            var dense = dehomogenized.ToDense(x);
            if (dense is not null)
            {
                var total = primitive.Degree;
                var found = FactorUnivariate(new UnivariatePolynomial(dense), trace);
                var degreeSum = 0;
                foreach (var (factor, multiplicity) in found)
                {
                    var homogeneous = Polynomial.Zero;
                    for (var i = 0; i <= factor.Degree; i++)
                    {
                        var monomial = Monomial.FromFactors([(x, i), (y, factor.Degree - i)]);
                        homogeneous += Polynomial.Term(factor[i], monomial);
                    }

                    degreeSum += factor.Degree * multiplicity;
                    factors.Add((homogeneous, multiplicity));
                }

                if (degreeSum < total)
                {
                    factors.Add((Polynomial.Term(Rational.One, Monomial.Of(y, total - degreeSum)), 1));
                }

                return;
            }
        }

        factors.Add((primitive, 1));
    }

    private static bool IsHomogeneous(Polynomial polynomial)
    {
        var degree = -1;
        foreach (var monomial in polynomial.Terms.Keys)
        {
            if (degree >= 0 && monomial.Degree != degree)
            {
                return false;
            }

            degree = monomial.Degree;
        }

        return true;
    }

    /// <summary>Factors a primitive univariate polynomial into primitive integer factors.</summary>
    public static List<(UnivariatePolynomial Factor, int Multiplicity)> FactorUnivariate(UnivariatePolynomial polynomial, FactorTrace? trace)
    {
        var result = new List<(UnivariatePolynomial, int)>();
        var rest = ToPrimitiveInteger(polynomial);

        var lowest = 0;
        while (lowest < rest.Degree && rest[lowest].IsZero)
        {
            lowest++;
        }

        if (lowest > 0)
        {
            result.Add((new UnivariatePolynomial([Rational.Zero, Rational.One]), lowest));
            rest = new UnivariatePolynomial(rest.Coefficients.Skip(lowest));
        }

        foreach (var root in RationalRoots(rest))
        {
            var linear = new UnivariatePolynomial([-root.Numerator, root.Denominator]);
            while (rest.Degree >= 1 && rest.Evaluate(root).IsZero)
            {
                rest = ToPrimitiveInteger(rest.DivRem(linear).Quotient);
                result.Add((linear, 1));
            }
        }

        if (rest.Degree == 4 && rest[1].IsZero && rest[3].IsZero)
        {
            // Biquadratic a·x^4 + b·x^2 + c: factor as a quadratic in x^2.
            var a = rest[4];
            var b = rest[2];
            var c = rest[0];
            var discriminant = (b * b) - (4 * a * c);
            if (discriminant.Sign > 0 && NumberTheory.TryExactRoot(discriminant.Numerator, 2, out var sn) && NumberTheory.TryExactRoot(discriminant.Denominator, 2, out var sd))
            {
                var s = new Rational(sn, sd);
                foreach (var u in new[] { (-b + s) / (2 * a), (-b - s) / (2 * a) })
                {
                    result.Add((new UnivariatePolynomial([-u.Numerator, Rational.Zero, u.Denominator]), 1));
                }

                if (trace is not null)
                {
                    trace.QuadraticInSquare = true;
                }

                rest = new UnivariatePolynomial([Rational.One]);
            }
        }

        if (rest.Degree >= 1)
        {
            result.Add((rest, 1));
        }

        return result;
    }

    /// <summary>Rational roots by the rational root theorem: ±p/q with p | a0 and q | an.</summary>
    public static List<Rational> RationalRoots(UnivariatePolynomial polynomial)
    {
        var roots = new List<Rational>();
        if (polynomial.Degree < 1)
        {
            return roots;
        }

        var integer = ToPrimitiveInteger(polynomial);
        var lowest = 0;
        while (lowest < integer.Degree && integer[lowest].IsZero)
        {
            lowest++;
        }

        if (lowest > 0)
        {
            roots.Add(Rational.Zero);
        }

        var constant = integer[lowest].Numerator;
        var leading = integer.Leading.Numerator;
        var ps = NumberTheory.Divisors(constant);
        var qs = NumberTheory.Divisors(leading);
        if (ps is null || qs is null)
        {
            return roots;
        }

        var tested = new HashSet<Rational>();
        foreach (var q in qs)
        {
            foreach (var p in ps)
            {
                foreach (var candidate in new[] { new Rational(p, q), new Rational(-p, q) })
                {
                    if (!tested.Add(candidate))
                    {
                        continue;
                    }

                    WorkMeter.Charge(integer.Degree + 1);
                    if (integer.Evaluate(candidate).IsZero)
                    {
                        roots.Add(candidate);
                    }
                }
            }
        }

        roots.Sort();
        return roots;
    }

    /// <summary>Scales to integer coefficients with gcd 1 and a positive leading coefficient.</summary>
    public static UnivariatePolynomial ToPrimitiveInteger(UnivariatePolynomial polynomial)
    {
        if (polynomial.IsZero)
        {
            return polynomial;
        }

        var lcm = BigInteger.One;
        var gcd = BigInteger.Zero;
        foreach (var c in polynomial.Coefficients)
        {
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        }

        foreach (var c in polynomial.Coefficients)
        {
            gcd = BigInteger.GreatestCommonDivisor(gcd, (c * new Rational(lcm)).Numerator);
        }

        var scale = new Rational(lcm, gcd);
        if (polynomial.Leading.Sign < 0)
        {
            scale = -scale;
        }

        return new UnivariatePolynomial(polynomial.Coefficients.Select(c => c * scale));
    }

    private static List<(Polynomial, int)> Merge(List<(Polynomial Factor, int Multiplicity)> factors)
    {
        var merged = new List<(Polynomial Factor, int Multiplicity)>();
        foreach (var (factor, multiplicity) in factors)
        {
            var index = merged.FindIndex(m => m.Factor.Equals(factor));
            if (index >= 0)
            {
                merged[index] = (factor, merged[index].Multiplicity + multiplicity);
            }
            else
            {
                merged.Add((factor, multiplicity));
            }
        }

        // Lower-degree factors first, then by constant term (x - 2 before x - 3? no: by root value).
        return merged
            .OrderBy(m => m.Factor.Degree)
            .ThenBy(m => m.Factor.Degree == 1 ? RootOfLinear(m.Factor).Abs() : Rational.Zero)
            .ThenByDescending(m => m.Factor.Degree == 1 ? RootOfLinear(m.Factor) : Rational.Zero)
            .ToList();
    }

    private static Rational RootOfLinear(Polynomial linear)
    {
        // For x + 2y the "root" is taken with the other variables set to 1, so factors sort like x + 2.
        var variables = linear.Variables();
        if (variables.Count == 0)
        {
            return Rational.Zero;
        }

        var variable = variables.Min!;
        var ones = variables.ToDictionary(v => v, _ => Rational.One, StringComparer.Ordinal);
        var a = linear.CoefficientOf(variable, 1);
        var aValue = a.IsZero ? Rational.Zero : a.Evaluate(ones);
        var rest = linear.CoefficientOf(variable, 0);
        var restValue = rest.IsZero ? Rational.Zero : rest.Evaluate(ones);
        return aValue.IsZero ? Rational.Zero : -restValue / aValue;
    }
}
