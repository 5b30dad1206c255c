using System.Globalization;
using System.Numerics;
using System.Text;

namespace StudyHub.Math.Numbers;

/// <summary>Exact rational number; always stored reduced with a positive denominator.</summary>
internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _denominator;

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new MathEngineException(ErrorCodes.DivisionByZero, "Division by zero is undefined.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        _denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public Rational(BigInteger integer)
    {
        Numerator = integer;
        _denominator = BigInteger.One;
    }

    public static Rational Zero => new(BigInteger.Zero);

    public static Rational One => new(BigInteger.One);

    public static Rational MinusOne => new(BigInteger.MinusOne);

    public BigInteger Numerator { get; }

    // default(Rational) must behave as zero, so an unset denominator reads as one.
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public bool IsZero => Numerator.IsZero;

    public bool IsOne => Numerator.IsOne && Denominator.IsOne;

    public bool IsInteger => Denominator.IsOne;

    public int Sign => Numerator.Sign;

    public static implicit operator Rational(int value) => new(new BigInteger(value));

    public static implicit operator Rational(BigInteger value) => new(value);

    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator
            ? new Rational(a.Numerator + b.Numerator, a.Denominator)
            : new Rational((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => a + (-b);

    public static Rational operator -(Rational a) => FromReduced(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b)
    {
        if (a.IsInteger && b.IsInteger)
        {
            return new Rational(a.Numerator * b.Numerator);
        }

        return new Rational(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    }

    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero)
        {
            throw new MathEngineException(ErrorCodes.DivisionByZero, "Division by zero is undefined.");
        }

        return new Rational(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    }

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public Rational Abs() => Sign < 0 ? -this : this;

    public Rational Reciprocal() => One / this;

    /// <summary>Integer power; the result size is estimated first so 10^10^10 never starts computing.</summary>
    public Rational Pow(BigInteger exponent)
    {
        if (exponent.IsZero)
        {
            if (IsZero)
            {
                throw new MathEngineException(ErrorCodes.ZeroToZero, "0^0 is undefined.");
            }

            return One;
        }

        if (IsZero)
        {
            if (exponent.Sign < 0)
            {
                throw new MathEngineException(ErrorCodes.DivisionByZero, "Division by zero is undefined (0 to a negative power).");
            }

            return Zero;
        }

        var magnitude = BigInteger.Abs(Numerator) > Denominator ? BigInteger.Abs(Numerator) : Denominator;
        if (!magnitude.IsOne)
        {
            var digitsPerFactor = BigInteger.Log10(magnitude);
            var limit = WorkMeter.CurrentLimits.MaxResultDigits;
            if (BigInteger.Abs(exponent) > limit || digitsPerFactor * (double)BigInteger.Abs(exponent) > limit)
            {
                throw new MathEngineException(ErrorCodes.Exponent, $"The result of this power would have more than {limit} digits.");
            }
        }
        else if (BigInteger.Abs(exponent) > int.MaxValue)
        {
            // ±1 to a huge power: only the parity matters.
            return Sign > 0 ? One : (exponent.IsEven ? One : MinusOne);
        }

        var e = (int)BigInteger.Abs(exponent);
        WorkMeter.Charge(e / 8 + 1);
        var result = FromReduced(BigInteger.Pow(Numerator, e), BigInteger.Pow(Denominator, e));
        return exponent.Sign < 0 ? result.Reciprocal() : result;
    }

    public BigInteger Floor()
    {
        var q = BigInteger.DivRem(Numerator, Denominator, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    public double ToDouble()
    {
        var value = (double)Numerator / (double)Denominator;
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            // Very large numerator and denominator: scale both down before dividing.
            var shift = (int)System.Math.Max(0, System.Math.Max(Numerator.GetBitLength(), Denominator.GetBitLength()) - 1000);
            value = (double)(Numerator >> shift) / (double)(Denominator >> shift);
        }

        return value;
    }

    /// <summary>Rounds half away from zero to a number of decimal places.</summary>
    public Rational RoundTo(int places)
    {
        var scale = BigInteger.Pow(10, places);
        var scaled = Abs() * scale;
        var floor = scaled.Floor();
        if ((scaled - floor) * 2 >= One)
        {
            floor += 1;
        }

        return new Rational(Sign < 0 ? -floor : floor, scale);
    }

    /// <summary>Exact decimal when it terminates within maxPlaces, otherwise rounded; trailing zeros trimmed.</summary>
    public string ToDecimalString(int maxPlaces = 6)
    {
        var rounded = RoundTo(maxPlaces);
        var scale = BigInteger.Pow(10, maxPlaces);
        var scaled = BigInteger.Abs(rounded.Numerator * (scale / rounded.Denominator));
        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(maxPlaces + 1, '0');
        var whole = digits[..^maxPlaces];
        var fraction = digits[^maxPlaces..].TrimEnd('0');
        var sb = new StringBuilder();
        if (rounded.Sign < 0)
        {
            sb.Append('-');
        }

        sb.Append(whole);
        if (fraction.Length > 0)
        {
            sb.Append('.').Append(fraction);
        }

        return sb.ToString();
    }

    /// <summary>Parses "12", "0.125", ".5" exactly (0.1 is 1/10, not a binary float).</summary>
    public static Rational ParseDecimal(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return new Rational(BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        var whole = text[..dot];
        var fraction = text[(dot + 1)..];
        var digits = whole + fraction;
        var numerator = digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return new Rational(numerator, BigInteger.Pow(10, fraction.Length));
    }

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public override string ToString() =>
        IsInteger
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    private static Rational FromReduced(BigInteger numerator, BigInteger denominator) =>
        new(numerator, denominator);
}
