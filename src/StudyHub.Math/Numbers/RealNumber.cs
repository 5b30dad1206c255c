namespace StudyHub.Math.Numbers;

/// <summary>
/// An exact real number (a rational, or a sum of square roots such as (5 - √13)/2) that can be
/// ordered: the ends of an inequality's solution set. Ordering is exact when at most one square
/// root is involved (a + b√m: compare a² with b²m), which covers every quadratic's critical values;
/// otherwise it falls back to floating point, which cannot mistake the numbers the solvers make.
/// </summary>
internal readonly struct RealNumber : IEquatable<RealNumber>, IComparable<RealNumber>
{
    private readonly ExactNumber? _value;

    public RealNumber(ExactNumber value)
    {
        if (!value.IsReal)
        {
            throw new ArgumentException("An interval end must be a real number.", nameof(value));
        }

        _value = value;
    }

    // default(RealNumber) is 0, like default(Rational).
    public ExactNumber Value => _value ?? ExactNumber.Zero;

    public bool IsRational => Value.IsRational;

    public bool IsZero => Value.IsZero;

    public static implicit operator RealNumber(Rational value) => new(value);

    public static implicit operator ExactNumber(RealNumber value) => value.Value;

    public static RealNumber operator -(RealNumber value) => new(-value.Value);

    public static bool operator ==(RealNumber a, RealNumber b) => a.Equals(b);

    public static bool operator !=(RealNumber a, RealNumber b) => !a.Equals(b);

    public static bool operator <(RealNumber a, RealNumber b) => a.CompareTo(b) < 0;

    public static bool operator >(RealNumber a, RealNumber b) => a.CompareTo(b) > 0;

    public static bool operator <=(RealNumber a, RealNumber b) => a.CompareTo(b) <= 0;

    public static bool operator >=(RealNumber a, RealNumber b) => a.CompareTo(b) >= 0;

    public int CompareTo(RealNumber other) => Sign(Value - other.Value);

    public bool Equals(RealNumber other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is RealNumber other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString();

    public double ToDouble() => Value.RealPartDouble();

    private static int Sign(ExactNumber number)
    {
        var radicals = number.Terms.Where(t => !t.Key.Radicand.IsOne).ToList();
        var a = number.RationalPart;
        if (radicals.Count == 0)
        {
            return a.Sign;
        }

        if (radicals.Count == 1)
        {
            // a + b√m with m > 1 square-free: same signs decide; otherwise the larger square wins.
            var (key, b) = (radicals[0].Key, radicals[0].Value);
            if (a.IsZero || a.Sign == b.Sign)
            {
                return b.Sign;
            }

            var radicalSquare = b * b * new Rational(key.Radicand);
            return (a * a).CompareTo(radicalSquare) > 0 ? a.Sign : b.Sign;
        }

        return System.Math.Sign(number.RealPartDouble());
    }
}
