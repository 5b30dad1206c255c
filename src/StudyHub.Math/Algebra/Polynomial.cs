using System.Numerics;
using System.Text;
using StudyHub.Math.Numbers;

namespace StudyHub.Math.Algebra;

/// <summary>
/// Multivariate polynomial with exact rational coefficients. Its printed form is the engine's
/// canonical form: two polynomials are equal exactly when their printed forms are.
/// </summary>
internal sealed class Polynomial : IEquatable<Polynomial>
{
    private readonly Dictionary<Monomial, Rational> _terms;

    private Polynomial(Dictionary<Monomial, Rational> terms) => _terms = terms;

    public static Polynomial Zero => new([]);

    public static Polynomial One => Constant(Rational.One);

    public IReadOnlyDictionary<Monomial, Rational> Terms => _terms;

    public bool IsZero => _terms.Count == 0;

    public bool IsConstant => _terms.Count == 0 || (_terms.Count == 1 && _terms.ContainsKey(Monomial.One));

    public Rational ConstantTerm => _terms.TryGetValue(Monomial.One, out var c) ? c : Rational.Zero;

    public int TermCount => _terms.Count;

    public int Degree => _terms.Count == 0 ? 0 : _terms.Keys.Max(m => m.Degree);

    public static Polynomial Constant(Rational value) =>
        value.IsZero ? Zero : new Polynomial(new Dictionary<Monomial, Rational> { [Monomial.One] = value });

    public static Polynomial Variable(string name) =>
        new(new Dictionary<Monomial, Rational> { [Monomial.Of(name)] = Rational.One });

    public static Polynomial Term(Rational coefficient, Monomial monomial) =>
        coefficient.IsZero ? Zero : new Polynomial(new Dictionary<Monomial, Rational> { [monomial] = coefficient });

    public SortedSet<string> Variables()
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var monomial in _terms.Keys)
        {
            foreach (var (variable, _) in monomial.Factors)
            {
                set.Add(variable);
            }
        }

        return set;
    }

    public int DegreeIn(string variable) => _terms.Count == 0 ? 0 : _terms.Keys.Max(m => m.ExponentOf(variable));

    public static Polynomial operator +(Polynomial a, Polynomial b)
    {
        var terms = new Dictionary<Monomial, Rational>(a._terms);
        foreach (var (monomial, coefficient) in b._terms)
        {
            Accumulate(terms, monomial, coefficient);
        }

        WorkMeter.Charge(b._terms.Count);
        return new Polynomial(terms);
    }

    public static Polynomial operator -(Polynomial a) => new(a._terms.ToDictionary(t => t.Key, t => -t.Value));

    public static Polynomial operator -(Polynomial a, Polynomial b) => a + (-b);

    public static Polynomial operator *(Polynomial a, Polynomial b)
    {
        var limits = WorkMeter.CurrentLimits;
        WorkMeter.Charge((long)a._terms.Count * b._terms.Count);
        if ((long)a._terms.Count * b._terms.Count > (long)limits.MaxTerms * 20)
        {
            throw new MathEngineException(ErrorCodes.Terms, $"Multiplying these out would create more than {limits.MaxTerms} terms.");
        }

        var terms = new Dictionary<Monomial, Rational>();
        foreach (var (ma, ca) in a._terms)
        {
            foreach (var (mb, cb) in b._terms)
            {
                Accumulate(terms, ma.Multiply(mb), ca * cb);
            }
        }

        if (terms.Count > limits.MaxTerms)
        {
            throw new MathEngineException(ErrorCodes.Terms, $"The expanded result would have more than {limits.MaxTerms} terms.");
        }

        return new Polynomial(terms);
    }

    public Polynomial Scale(Rational factor)
    {
        if (factor.IsZero)
        {
            return Zero;
        }

        return new Polynomial(_terms.ToDictionary(t => t.Key, t => t.Value * factor));
    }

    public Polynomial Pow(BigInteger exponent)
    {
        if (exponent.Sign < 0)
        {
            throw new MathEngineException(ErrorCodes.Internal, "Negative polynomial power.");
        }

        if (exponent.IsZero)
        {
            if (IsZero)
            {
                throw new MathEngineException(ErrorCodes.ZeroToZero, "0^0 is undefined.");
            }

            return One;
        }

        if (IsConstant)
        {
            return Constant(ConstantTerm.Pow(exponent));
        }

        var limits = WorkMeter.CurrentLimits;
        if (exponent > limits.MaxDegree || Degree * (int)exponent > limits.MaxDegree)
        {
            throw new MathEngineException(ErrorCodes.Exponent, $"The power would have degree above {limits.MaxDegree}.");
        }

        var n = (int)exponent;
        if (_terms.Count > 1)
        {
            // Multinomial term count C(n + k - 1, k - 1) grows fast; refuse before multiplying.
            var estimate = 1.0;
            var k = _terms.Count;
            for (var i = 1; i < k; i++)
            {
                estimate = estimate * (n + i) / i;
                if (estimate > limits.MaxTerms * 4.0)
                {
                    throw new MathEngineException(ErrorCodes.Terms, $"Expanding this power would create more than {limits.MaxTerms} terms.");
                }
            }
        }

        var result = One;
        for (var i = 0; i < n; i++)
        {
            result *= this;
        }

        return result;
    }

    public Rational Evaluate(IReadOnlyDictionary<string, Rational> values)
    {
        var total = Rational.Zero;
        foreach (var (monomial, coefficient) in _terms)
        {
            var term = coefficient;
            foreach (var (variable, exponent) in monomial.Factors)
            {
                if (!values.TryGetValue(variable, out var value))
                {
                    throw new MathEngineException(ErrorCodes.Internal, $"No value for {variable}.");
                }

                term *= value.Pow(exponent);
            }

            total += term;
        }

        return total;
    }

    /// <summary>Replaces a variable by a polynomial (used to eliminate variables in systems).</summary>
    public Polynomial Substitute(string variable, Polynomial replacement)
    {
        var result = Zero;
        foreach (var (monomial, coefficient) in _terms)
        {
            var exponent = monomial.ExponentOf(variable);
            var rest = Term(coefficient, monomial.Without(variable));
            result += exponent == 0 ? rest : rest * replacement.Pow(exponent);
        }

        return result;
    }

    /// <summary>Coefficients by power of one variable; each coefficient may involve the other variables.</summary>
    public SortedDictionary<int, Polynomial> CoefficientsIn(string variable)
    {
        var result = new SortedDictionary<int, Polynomial>();
        foreach (var (monomial, coefficient) in _terms)
        {
            var exponent = monomial.ExponentOf(variable);
            var term = Term(coefficient, monomial.Without(variable));
            result[exponent] = result.TryGetValue(exponent, out var existing) ? existing + term : term;
        }

        return result;
    }

    public Polynomial CoefficientOf(string variable, int power) =>
        CoefficientsIn(variable).TryGetValue(power, out var c) ? c : Zero;

    /// <summary>Dense coefficients (index = power) when the polynomial involves only this variable.</summary>
    public Rational[]? ToDense(string variable)
    {
        var degree = DegreeIn(variable);
        var dense = new Rational[degree + 1];
        foreach (var (monomial, coefficient) in _terms)
        {
            if (monomial.Factors.Count > 1 || (monomial.Factors.Count == 1 && monomial.Factors[0].Variable != variable))
            {
                return null;
            }

            dense[monomial.ExponentOf(variable)] = coefficient;
        }

        return dense;
    }

    public static Polynomial FromDense(IReadOnlyList<Rational> coefficients, string variable)
    {
        var terms = new Dictionary<Monomial, Rational>();
        for (var i = 0; i < coefficients.Count; i++)
        {
            if (!coefficients[i].IsZero)
            {
                terms[Monomial.Of(variable, i)] = coefficients[i];
            }
        }

        return new Polynomial(terms);
    }

    public KeyValuePair<Monomial, Rational> LeadingTerm() =>
        _terms.OrderBy(t => t.Key, Comparer<Monomial>.Create(Monomial.CompareLex)).First();

    /// <summary>Exact multivariate division (lex order); null when the divisor does not divide.</summary>
    public Polynomial? TryDivideExactly(Polynomial divisor)
    {
        if (divisor.IsZero)
        {
            throw new MathEngineException(ErrorCodes.DivisionByZero, "Division by zero is undefined.");
        }

        var remainder = this;
        var quotient = Zero;
        var (leadMonomial, leadCoefficient) = divisor.LeadingTerm();
        var guard = 0;
        while (!remainder.IsZero)
        {
            if (++guard > 10_000)
            {
                return null;
            }

            var (monomial, coefficient) = remainder.LeadingTerm();
            var factorMonomial = monomial.DivideBy(leadMonomial);
            if (factorMonomial is null)
            {
                return null;
            }

            var factor = Term(coefficient / leadCoefficient, factorMonomial);
            quotient += factor;
            remainder -= factor * divisor;
        }

        return quotient;
    }

    /// <summary>Positive rational c and monomial m with this = c·m·(primitive integer polynomial).</summary>
    public (Rational Content, Monomial Common, Polynomial Primitive) Content()
    {
        if (IsZero)
        {
            return (Rational.One, Monomial.One, this);
        }

        var numeratorGcd = BigInteger.Zero;
        var denominatorLcm = BigInteger.One;
        Monomial? common = null;
        foreach (var (monomial, coefficient) in _terms)
        {
            numeratorGcd = BigInteger.GreatestCommonDivisor(numeratorGcd, coefficient.Numerator);
            denominatorLcm = denominatorLcm / BigInteger.GreatestCommonDivisor(denominatorLcm, coefficient.Denominator) * coefficient.Denominator;
            common = common is null ? monomial : Monomial.Gcd(common, monomial);
        }

        var content = new Rational(numeratorGcd, denominatorLcm);
        var primitive = new Dictionary<Monomial, Rational>();
        foreach (var (monomial, coefficient) in _terms)
        {
            primitive[monomial.DivideBy(common!)!] = coefficient / content;
        }

        return (content, common!, new Polynomial(primitive));
    }

    public IEnumerable<KeyValuePair<Monomial, Rational>> OrderedTerms() =>
        _terms.OrderBy(t => t.Key, Comparer<Monomial>.Create(Monomial.CompareForDisplay));

    public bool Equals(Polynomial? other) => other is not null && (this - other).IsZero;

    public override bool Equals(object? obj) => obj is Polynomial other && Equals(other);

    public override int GetHashCode() => _terms.Count;

    public override string ToString() => Format(OrderedTerms());

    public static string Format(IEnumerable<KeyValuePair<Monomial, Rational>> terms)
    {
        var sb = new StringBuilder();
        foreach (var (monomial, coefficient) in terms)
        {
            if (sb.Length == 0)
            {
                if (coefficient.Sign < 0)
                {
                    sb.Append('-');
                }
            }
            else
            {
                sb.Append(coefficient.Sign < 0 ? " - " : " + ");
            }

            sb.Append(FormatTerm(coefficient.Abs(), monomial));
        }

        return sb.Length == 0 ? "0" : sb.ToString();
    }

    /// <summary>"3x^2", "x/2", "3xy/4", "5/6" for a non-negative coefficient.</summary>
    public static string FormatTerm(Rational magnitude, Monomial monomial)
    {
        if (monomial.IsOne)
        {
            return magnitude.ToString();
        }

        var numerator = magnitude.Numerator.IsOne ? string.Empty : magnitude.Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = numerator + monomial;
        return magnitude.IsInteger ? text : text + "/" + magnitude.Denominator.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Accumulate(Dictionary<Monomial, Rational> terms, Monomial monomial, Rational coefficient)
    {
        if (coefficient.IsZero)
        {
            return;
        }

        if (terms.TryGetValue(monomial, out var existing))
        {
            var sum = existing + coefficient;
            if (sum.IsZero)
            {
                terms.Remove(monomial);
            }
            else
            {
                terms[monomial] = sum;
            }
        }
        else
        {
            terms[monomial] = coefficient;
        }
    }
}
