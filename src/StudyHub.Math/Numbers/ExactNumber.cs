using System.Globalization;
using System.Numerics;
using System.Text;

namespace StudyHub.Math.Numbers;

/// <summary>
/// A sum of terms c·√m (m square-free, m = 1 for the rational part), each real or imaginary (times i).
/// Enough for arithmetic with square roots (√12 = 2√3, 1/(1+√2)) and exact quadratic roots,
/// including complex ones, without floating point.
/// </summary>
internal sealed class ExactNumber : IEquatable<ExactNumber>
{
    private readonly SortedDictionary<RadicalKey, Rational> _terms;

    private ExactNumber(SortedDictionary<RadicalKey, Rational> terms) => _terms = terms;

    public static ExactNumber Zero { get; } = new(new SortedDictionary<RadicalKey, Rational>());

    public bool IsZero => _terms.Count == 0;

    public bool IsRational => _terms.Count == 0 || (_terms.Count == 1 && _terms.ContainsKey(RadicalKey.One));

    public bool IsReal => _terms.Keys.All(k => !k.Imaginary);

    public IReadOnlyDictionary<RadicalKey, Rational> Terms => _terms;

    public Rational RationalPart => _terms.TryGetValue(RadicalKey.One, out var r) ? r : Rational.Zero;

    public static ExactNumber FromRational(Rational value)
    {
        var terms = new SortedDictionary<RadicalKey, Rational>();
        if (!value.IsZero)
        {
            terms[RadicalKey.One] = value;
        }

        return new ExactNumber(terms);
    }

    public static implicit operator ExactNumber(Rational value) => FromRational(value);

    /// <summary>Exact square root of a rational in simplest radical form: √(8/9) = 2√2/3, √-4 = 2i.</summary>
    public static ExactNumber Sqrt(Rational value)
    {
        if (value.IsZero)
        {
            return Zero;
        }

        var imaginary = value.Sign < 0;
        var abs = value.Abs();

        // √(p/q) = √(p·q)/q keeps the radicand an integer.
        var (outside, inside) = NumberTheory.SplitSquare(abs.Numerator * abs.Denominator);
        var coefficient = new Rational(outside, abs.Denominator);
        var terms = new SortedDictionary<RadicalKey, Rational> { [new RadicalKey(inside, imaginary)] = coefficient };
        return new ExactNumber(terms);
    }

    public static ExactNumber operator +(ExactNumber a, ExactNumber b)
    {
        var terms = new SortedDictionary<RadicalKey, Rational>(a._terms);
        foreach (var (key, value) in b._terms)
        {
            AddTerm(terms, key, value);
        }

        return new ExactNumber(terms);
    }

    public static ExactNumber operator -(ExactNumber a) =>
        new(new SortedDictionary<RadicalKey, Rational>(a._terms.ToDictionary(t => t.Key, t => -t.Value)));

    public static ExactNumber operator -(ExactNumber a, ExactNumber b) => a + (-b);

    public static ExactNumber operator *(ExactNumber a, ExactNumber b)
    {
        var terms = new SortedDictionary<RadicalKey, Rational>();
        WorkMeter.Charge(a._terms.Count * b._terms.Count);
        foreach (var (ka, va) in a._terms)
        {
            foreach (var (kb, vb) in b._terms)
            {
                var radicand = ka.Radicand * kb.Radicand;
                var (outside, inside) = NumberTheory.SplitSquare(radicand);
                var coefficient = va * vb * new Rational(outside);
                if (ka.Imaginary && kb.Imaginary)
                {
                    coefficient = -coefficient;
                }

                AddTerm(terms, new RadicalKey(inside, ka.Imaginary ^ kb.Imaginary), coefficient);
            }
        }

        return new ExactNumber(terms);
    }

    public static ExactNumber operator /(ExactNumber a, ExactNumber b) => a * b.Reciprocal();

    public ExactNumber Reciprocal()
    {
        if (IsZero)
        {
            throw new MathEngineException(ErrorCodes.DivisionByZero, "Division by zero is undefined.");
        }

        if (_terms.Count == 1)
        {
            var (key, c) = _terms.First();

            // 1/(c·√m) = √m/(c·m); 1/i = -i.
            var coefficient = (c * new Rational(key.Radicand)).Reciprocal();
            if (key.Imaginary)
            {
                coefficient = -coefficient;
            }

            return new ExactNumber(new SortedDictionary<RadicalKey, Rational> { [key] = coefficient });
        }

        if (_terms.Count == 2)
        {
            // Multiply by the conjugate of the non-rational part: (a + b)(a - b) = a² - b².
            var first = _terms.First();
            var second = _terms.Last();
            var a = new ExactNumber(new SortedDictionary<RadicalKey, Rational> { [first.Key] = first.Value });
            var b = new ExactNumber(new SortedDictionary<RadicalKey, Rational> { [second.Key] = second.Value });
            var conjugate = a - b;
            var denominator = (a * a) - (b * b);
            if (denominator._terms.Count <= 1)
            {
                return conjugate * denominator.Reciprocal();
            }
        }

        throw new MathEngineException(ErrorCodes.Unsupported, "Dividing by a sum of several different roots is not supported.");
    }

    public ExactNumber Pow(BigInteger exponent)
    {
        if (IsRational)
        {
            return FromRational(RationalPart.Pow(exponent));
        }

        if (exponent.IsZero)
        {
            return FromRational(Rational.One);
        }

        if (BigInteger.Abs(exponent) > 256)
        {
            throw new MathEngineException(ErrorCodes.Exponent, "The exponent is too large to work out exactly with roots.");
        }

        var n = (int)BigInteger.Abs(exponent);
        var result = FromRational(Rational.One);
        var factor = this;
        while (n > 0)
        {
            if ((n & 1) == 1)
            {
                result *= factor;
            }

            n >>= 1;
            if (n > 0)
            {
                factor *= factor;
            }

            if (result.MaxDigits() > WorkMeter.CurrentLimits.MaxResultDigits)
            {
                throw new MathEngineException(ErrorCodes.Exponent, "The result of this power is too large.");
            }
        }

        return exponent.Sign < 0 ? result.Reciprocal() : result;
    }

    public int MaxDigits() =>
        _terms.Count == 0 ? 1 : _terms.Values.Max(v => (int)(System.Math.Max(BigInteger.Abs(v.Numerator).GetBitLength(), v.Denominator.GetBitLength()) * 0.30103) + 1);

    public bool TryGetRational(out Rational value)
    {
        value = RationalPart;
        return IsRational;
    }

    public double RealPartDouble() => _terms.Where(t => !t.Key.Imaginary).Sum(t => t.Value.ToDouble() * System.Math.Sqrt((double)t.Key.Radicand));

    public double ImaginaryPartDouble() => _terms.Where(t => t.Key.Imaginary).Sum(t => t.Value.ToDouble() * System.Math.Sqrt((double)t.Key.Radicand));

    public ExactNumber RealPart() => new(new SortedDictionary<RadicalKey, Rational>(_terms.Where(t => !t.Key.Imaginary).ToDictionary(t => t.Key, t => t.Value)));

    public ExactNumber ImaginaryPart() => new(new SortedDictionary<RadicalKey, Rational>(_terms.Where(t => t.Key.Imaginary).ToDictionary(t => t.Key, t => t.Value)));

    /// <summary>Sign of a real number; exact when rational, otherwise by double (radical sums are never exactly 0 unless empty).</summary>
    public int RealSign()
    {
        if (IsRational)
        {
            return RationalPart.Sign;
        }

        return System.Math.Sign(RealPartDouble());
    }

    public string ToDecimalString(int places = 6)
    {
        if (IsRational)
        {
            return RationalPart.ToDecimalString(places);
        }

        var re = RealPartDouble();
        var im = ImaginaryPartDouble();
        var reText = FormatDouble(re, places);
        if (System.Math.Abs(im) < 1e-15)
        {
            return reText;
        }

        var imText = FormatDouble(System.Math.Abs(im), places) + "i";
        if (System.Math.Abs(re) < 1e-15)
        {
            return (im < 0 ? "-" : string.Empty) + imText;
        }

        return reText + (im < 0 ? " - " : " + ") + imText;
    }

    public static string FormatDouble(double value, int places)
    {
        var text = System.Math.Round(value, places, MidpointRounding.AwayFromZero).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text == "-0" ? "0" : text;
    }

    /// <summary>Normalised exact text: "2√3", "(1 + √5)/2", "-3/4", "2i", "(1 - i√3)/2".</summary>
    public override string ToString()
    {
        if (_terms.Count == 0)
        {
            return "0";
        }

        if (IsRational)
        {
            return RationalPart.ToString();
        }

        // Put every term over the common denominator so the result reads like a textbook answer.
        var denominator = _terms.Values.Aggregate(BigInteger.One, (acc, v) => acc / BigInteger.GreatestCommonDivisor(acc, v.Denominator) * v.Denominator);
        var sb = new StringBuilder();
        var first = true;
        foreach (var (key, value) in _terms)
        {
            var scaled = value * new Rational(denominator);
            var magnitude = BigInteger.Abs(scaled.Numerator);
            if (first)
            {
                if (scaled.Sign < 0)
                {
                    sb.Append('-');
                }
            }
            else
            {
                sb.Append(scaled.Sign < 0 ? " - " : " + ");
            }

            sb.Append(FormatTerm(magnitude, key));
            first = false;
        }

        if (denominator.IsOne)
        {
            return sb.ToString();
        }

        var numerator = _terms.Count > 1 ? "(" + sb + ")" : sb.ToString();
        return numerator + "/" + denominator.ToString(CultureInfo.InvariantCulture);
    }

    public static string FormatTerm(BigInteger magnitude, RadicalKey key)
    {
        var coefficient = magnitude.IsOne && !key.Radicand.IsOne ? string.Empty : magnitude.ToString(CultureInfo.InvariantCulture);
        if (magnitude.IsOne && key.Radicand.IsOne && key.Imaginary)
        {
            coefficient = string.Empty;
        }

        var radical = key.Radicand.IsOne ? string.Empty : "√" + key.Radicand.ToString(CultureInfo.InvariantCulture);
        return coefficient + (key.Imaginary ? "i" : string.Empty) + radical;
    }

    public bool Equals(ExactNumber? other)
    {
        if (other is null || other._terms.Count != _terms.Count)
        {
            return false;
        }

        foreach (var (key, value) in _terms)
        {
            if (!other._terms.TryGetValue(key, out var v) || v != value)
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ExactNumber other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, value) in _terms)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return hash;
    }

    private static void AddTerm(SortedDictionary<RadicalKey, Rational> terms, RadicalKey key, Rational value)
    {
        if (value.IsZero)
        {
            return;
        }

        if (terms.TryGetValue(key, out var existing))
        {
            var sum = existing + value;
            if (sum.IsZero)
            {
                terms.Remove(key);
            }
            else
            {
                terms[key] = sum;
            }
        }
        else
        {
            terms[key] = value;
        }
    }
}

/// <summary>√Radicand, times i when imaginary. Radicand 1 and real means the rational part.</summary>
internal readonly record struct RadicalKey(BigInteger Radicand, bool Imaginary) : IComparable<RadicalKey>
{
    public static RadicalKey One => new(BigInteger.One, false);

    // Rational part first, then real radicals, then imaginary ones: "1 + √5", "(1 + i√3)/2".
    public int CompareTo(RadicalKey other)
    {
        if (Imaginary != other.Imaginary)
        {
            return Imaginary ? 1 : -1;
        }

        return Radicand.CompareTo(other.Radicand);
    }
}
