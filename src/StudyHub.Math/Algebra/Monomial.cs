using System.Text;

namespace StudyHub.Math.Algebra;

/// <summary>Product of variables with positive integer exponents, sorted by variable name.</summary>
internal sealed class Monomial : IEquatable<Monomial>
{
    private readonly (string Variable, int Exponent)[] _factors;
    private readonly int _hash;

    private Monomial((string Variable, int Exponent)[] factors)
    {
        _factors = factors;
        var hash = new HashCode();
        foreach (var (variable, exponent) in factors)
        {
            hash.Add(variable);
            hash.Add(exponent);
        }

        _hash = hash.ToHashCode();
        Degree = factors.Sum(f => f.Exponent);
    }

    public static Monomial One { get; } = new([]);

    public int Degree { get; }

    public bool IsOne => _factors.Length == 0;

    public IReadOnlyList<(string Variable, int Exponent)> Factors => _factors;

    public static Monomial Of(string variable, int exponent = 1) => exponent == 0 ? One : new([(variable, exponent)]);

    public static Monomial FromFactors(IEnumerable<(string Variable, int Exponent)> factors) =>
        new(factors.Where(f => f.Exponent != 0).OrderBy(f => f.Variable, StringComparer.Ordinal).ToArray());

    public int ExponentOf(string variable)
    {
        foreach (var (name, exponent) in _factors)
        {
            if (name == variable)
            {
                return exponent;
            }
        }

        return 0;
    }

    public Monomial Multiply(Monomial other)
    {
        if (IsOne)
        {
            return other;
        }

        if (other.IsOne)
        {
            return this;
        }

        var result = new List<(string, int)>(_factors.Length + other._factors.Length);
        int i = 0, j = 0;
        while (i < _factors.Length || j < other._factors.Length)
        {
            var cmp = i >= _factors.Length ? 1 : j >= other._factors.Length ? -1 : string.CompareOrdinal(_factors[i].Variable, other._factors[j].Variable);
            if (cmp < 0)
            {
                result.Add(_factors[i++]);
            }
            else if (cmp > 0)
            {
                result.Add(other._factors[j++]);
            }
            else
            {
                var exponent = _factors[i].Exponent + other._factors[j].Exponent;
                if (exponent > WorkMeter.CurrentLimits.MaxDegree)
                {
                    throw new MathEngineException(ErrorCodes.Exponent, $"A power of {_factors[i].Variable} would exceed degree {WorkMeter.CurrentLimits.MaxDegree}.");
                }

                result.Add((_factors[i].Variable, exponent));
                i++;
                j++;
            }
        }

        return new Monomial([.. result]);
    }

    /// <summary>this / other when other divides this, otherwise null.</summary>
    public Monomial? DivideBy(Monomial other)
    {
        var result = new List<(string, int)>();
        foreach (var (variable, exponent) in _factors)
        {
            var remaining = exponent - other.ExponentOf(variable);
            if (remaining < 0)
            {
                return null;
            }

            if (remaining > 0)
            {
                result.Add((variable, remaining));
            }
        }

        foreach (var (variable, _) in other._factors)
        {
            if (ExponentOf(variable) == 0)
            {
                return null;
            }
        }

        return new Monomial([.. result]);
    }

    public Monomial Without(string variable) => new(_factors.Where(f => f.Variable != variable).ToArray());

    public static Monomial Gcd(Monomial a, Monomial b) =>
        new(a._factors.Select(f => (f.Variable, System.Math.Min(f.Exponent, b.ExponentOf(f.Variable)))).Where(f => f.Item2 > 0).ToArray());

    /// <summary>Graded lexicographic order: higher total degree first, then by variable name powers.</summary>
    public static int CompareForDisplay(Monomial a, Monomial b)
    {
        if (a.Degree != b.Degree)
        {
            return b.Degree.CompareTo(a.Degree);
        }

        return CompareLex(a, b);
    }

    /// <summary>Lexicographic: x^2 before xy before y^2 (variables in name order).</summary>
    public static int CompareLex(Monomial a, Monomial b)
    {
        var n = System.Math.Min(a._factors.Length, b._factors.Length);
        for (var k = 0; k < n; k++)
        {
            var byName = string.CompareOrdinal(a._factors[k].Variable, b._factors[k].Variable);
            if (byName != 0)
            {
                return byName;
            }

            if (a._factors[k].Exponent != b._factors[k].Exponent)
            {
                return b._factors[k].Exponent.CompareTo(a._factors[k].Exponent);
            }
        }

        return b._factors.Length.CompareTo(a._factors.Length);
    }

    public bool Equals(Monomial? other)
    {
        if (other is null || other._hash != _hash || other._factors.Length != _factors.Length)
        {
            return false;
        }

        for (var k = 0; k < _factors.Length; k++)
        {
            if (_factors[k] != other._factors[k])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is Monomial other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (variable, exponent) in _factors)
        {
            sb.Append(variable);
            if (exponent != 1)
            {
                sb.Append('^').Append(exponent);
            }
        }

        return sb.ToString();
    }
}
