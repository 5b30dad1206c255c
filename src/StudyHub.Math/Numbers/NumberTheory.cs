using System.Numerics;

namespace StudyHub.Math.Numbers;

internal static class NumberTheory
{
    /// <summary>Largest r with r*r &lt;= n (Newton iteration on BigInteger).</summary>
    public static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n));
        }

        if (n < 2)
        {
            return n;
        }

        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + (n / x)) >> 1;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }

    public static bool TryExactRoot(BigInteger n, int degree, out BigInteger root)
    {
        root = BigInteger.Zero;
        if (n.Sign < 0)
        {
            if (degree % 2 == 0)
            {
                return false;
            }

            var ok = TryExactRoot(-n, degree, out var positive);
            root = -positive;
            return ok;
        }

        if (degree == 2)
        {
            root = IntegerSqrt(n);
            return root * root == n;
        }

        var guess = new BigInteger(System.Math.Round(System.Math.Pow((double)n, 1.0 / degree)));
        for (var candidate = guess - 1; candidate <= guess + 1; candidate++)
        {
            if (candidate.Sign >= 0 && BigInteger.Pow(candidate, degree) == n)
            {
                root = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits n into outside² · inside with inside square-free (trial division, bounded).</summary>
    public static (BigInteger Outside, BigInteger Inside) SplitSquare(BigInteger n)
    {
        if (n.IsZero)
        {
            return (BigInteger.Zero, BigInteger.One);
        }

        var outside = BigInteger.One;
        var inside = BigInteger.One;
        var rest = n;
        var root = IntegerSqrt(rest);
        if (root * root == rest)
        {
            return (root, BigInteger.One);
        }

        // Trial division up to a bound; whatever large cofactor is left stays under the radical.
        for (BigInteger p = 2; p * p <= rest && p <= 100_000; p += p == 2 ? 1 : 2)
        {
            WorkMeter.Charge(1);
            var count = 0;
            while ((rest % p).IsZero)
            {
                rest /= p;
                count++;
            }

            if (count > 0)
            {
                outside *= BigInteger.Pow(p, count / 2);
                if (count % 2 == 1)
                {
                    inside *= p;
                }
            }
        }

        var restRoot = IntegerSqrt(rest);
        if (restRoot * restRoot == rest)
        {
            outside *= restRoot;
        }
        else
        {
            inside *= rest;
        }

        return (outside, inside);
    }

    /// <summary>Positive divisors of |n|, or null when |n| is too large to enumerate cheaply.</summary>
    public static List<BigInteger>? Divisors(BigInteger n, int limit = 2_000)
    {
        n = BigInteger.Abs(n);
        if (n.IsZero || n > new BigInteger(10_000_000_000L))
        {
            return null;
        }

        var small = new List<BigInteger>();
        var large = new List<BigInteger>();
        for (BigInteger d = 1; d * d <= n; d++)
        {
            WorkMeter.Charge(1);
            if ((n % d).IsZero)
            {
                small.Add(d);
                if (d * d != n)
                {
                    large.Add(n / d);
                }

                if (small.Count + large.Count > limit)
                {
                    return null;
                }
            }
        }

        large.Reverse();
        small.AddRange(large);
        return small;
    }
}
