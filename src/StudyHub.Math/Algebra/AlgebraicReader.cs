using System.Numerics;
using StudyHub.Math.Numbers;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Algebra;

/// <summary>
/// Reads a syntax tree into exact algebraic objects: a <see cref="PolynomialFraction"/> when the
/// expression is rational in its variables, an <see cref="ExactNumber"/> when it has no variables.
/// </summary>
internal static class AlgebraicReader
{
    /// <summary>The expression as a fraction of polynomials, or null when it uses functions or roots of variables.</summary>
    public static PolynomialFraction? TryToFraction(Expression expression)
    {
        switch (expression)
        {
            case NumberExpression { Style: NumberStyle.Degrees }:
                return null;
            case NumberExpression number:
                return PolynomialFraction.Constant(number.Value);
            case VariableExpression variable:
                return PolynomialFraction.FromPolynomial(Polynomial.Variable(variable.Name));
            case NegateExpression negate:
                return TryToFraction(negate.Operand) is { } inner ? -inner : null;
            case SumExpression sum:
                {
                    var total = PolynomialFraction.Constant(Rational.Zero);
                    foreach (var term in sum.Terms)
                    {
                        var value = TryToFraction(term);
                        if (value is null)
                        {
                            return null;
                        }

                        total += value;
                    }

                    return total;
                }

            case ProductExpression product:
                {
                    var total = PolynomialFraction.Constant(Rational.One);
                    foreach (var factor in product.Factors)
                    {
                        var value = TryToFraction(factor);
                        if (value is null)
                        {
                            return null;
                        }

                        total *= value;
                    }

                    return total;
                }

            case ReciprocalExpression reciprocal:
                return TryToFraction(reciprocal.Operand) is { } denominator ? denominator.Reciprocal() : null;
            case PowerExpression power:
                return TryPower(power);
            case FunctionExpression { Function: FunctionName.Sqrt } root when !HasVariables(root.Argument):
                {
                    var value = Evaluate(root);
                    return value.TryGetRational(out var r) ? PolynomialFraction.Constant(r) : null;
                }

            default:
                return null;
        }
    }

    public static PolynomialFraction ToFraction(Expression expression) =>
        TryToFraction(expression) ?? throw new MathEngineException(ErrorCodes.Unsupported, "This expression uses functions or roots of variables, which this operation does not support.");

    private static PolynomialFraction? TryPower(PowerExpression power)
    {
        if (HasVariables(power.Exponent))
        {
            return null;
        }

        var exponentValue = Evaluate(power.Exponent);
        if (!exponentValue.TryGetRational(out var exponent))
        {
            return null;
        }

        if (!HasVariables(power.Base))
        {
            var value = Evaluate(power);
            return value.TryGetRational(out var r) ? PolynomialFraction.Constant(r) : null;
        }

        if (!exponent.IsInteger)
        {
            return null;
        }

        var baseValue = TryToFraction(power.Base);
        if (baseValue is null)
        {
            return null;
        }

        var n = exponent.Numerator;
        if (BigInteger.Abs(n) > WorkMeter.CurrentLimits.MaxDegree)
        {
            throw new MathEngineException(ErrorCodes.Exponent, $"Exponents above {WorkMeter.CurrentLimits.MaxDegree} on variables are not supported.");
        }

        if (n.IsZero && baseValue.Numerator.IsZero)
        {
            throw new MathEngineException(ErrorCodes.ZeroToZero, "0^0 is undefined.");
        }

        var raised = new PolynomialFraction(baseValue.Numerator.Pow(BigInteger.Abs(n)), baseValue.Denominator.Pow(BigInteger.Abs(n)));
        return n.Sign < 0 ? raised.Reciprocal() : raised.Normalize();
    }

    public static bool HasVariables(Expression expression) =>
        expression.DescendantsAndSelf().Any(e => e is VariableExpression);

    public static SortedSet<string> VariablesOf(Expression expression)
    {
        return new SortedSet<string>(expression.DescendantsAndSelf().OfType<VariableExpression>().Select(v => v.Name), StringComparer.Ordinal);
    }

    public static bool HasFunctions(Expression expression) => expression switch
    {
        FunctionExpression => true,
        SumExpression sum => sum.Terms.Any(HasFunctions),
        ProductExpression product => product.Factors.Any(HasFunctions),
        ReciprocalExpression reciprocal => HasFunctions(reciprocal.Operand),
        NegateExpression negate => HasFunctions(negate.Operand),
        PowerExpression power => HasFunctions(power.Base) || HasFunctions(power.Exponent),
        _ => false,
    };

    /// <summary>Exact value of an expression without variables (rationals and square roots).</summary>
    public static ExactNumber Evaluate(Expression expression, bool imaginaryUnit = false)
    {
        switch (expression)
        {
            case NumberExpression { Style: NumberStyle.Degrees }:
                throw new MathEngineException(ErrorCodes.Unsupported, "An angle in degrees only has a value inside sin, cos or tan.");
            case NumberExpression number:
                return number.Value;
            case VariableExpression { Name: "i" } when imaginaryUnit:
                return ExactNumber.Sqrt(Rational.MinusOne);
            case VariableExpression variable:
                throw new MathEngineException(ErrorCodes.Unsupported, $"The expression has a variable ({variable.Name}), so it has no single value.");
            case NegateExpression negate:
                return -Evaluate(negate.Operand, imaginaryUnit);
            case SumExpression sum:
                {
                    var total = ExactNumber.Zero;
                    foreach (var term in sum.Terms)
                    {
                        total += Evaluate(term, imaginaryUnit);
                    }

                    return total;
                }

            case ProductExpression product:
                {
                    ExactNumber total = Rational.One;
                    foreach (var factor in product.Factors)
                    {
                        total *= Evaluate(factor, imaginaryUnit);
                    }

                    return total;
                }

            case ReciprocalExpression reciprocal:
                return Evaluate(reciprocal.Operand, imaginaryUnit).Reciprocal();
            case PowerExpression power:
                return EvaluatePower(Evaluate(power.Base, imaginaryUnit), Evaluate(power.Exponent, imaginaryUnit));
            case FunctionExpression { Function: FunctionName.Sqrt } root:
                {
                    var argument = Evaluate(root.Argument, imaginaryUnit);
                    if (!argument.TryGetRational(out var r))
                    {
                        throw new MathEngineException(ErrorCodes.Unsupported, "Square roots of expressions that contain roots are not supported.");
                    }

                    if (r.Sign < 0)
                    {
                        throw new MathEngineException(ErrorCodes.NegativeRoot, "The square root of a negative number is not a real number.");
                    }

                    return ExactNumber.Sqrt(r);
                }

            case FunctionExpression { Function: FunctionName.Abs } abs:
                {
                    var value = Evaluate(abs.Argument, imaginaryUnit);
                    return value.IsReal && value.RealSign() < 0 ? -value : value;
                }

            case FunctionExpression { Function: FunctionName.Sin or FunctionName.Cos or FunctionName.Tan, Argument: NumberExpression { Style: NumberStyle.Degrees } angle } trig:
                return ExactTrig.Value(trig.Function, angle.Value);
            case FunctionExpression { Function: FunctionName.Ln, Argument: FunctionExpression { Function: FunctionName.Exp } inner }:
                return Evaluate(inner.Argument, imaginaryUnit);
            case FunctionExpression { Function: FunctionName.Ln or FunctionName.Log } log:
                return Logarithm(log, Evaluate(log.Argument, imaginaryUnit));
            case FunctionExpression function:
                throw new MathEngineException(ErrorCodes.Unsupported, $"An exact value of {function.Function.ToString().ToLowerInvariant()}(…) is not supported; ask for a decimal.");
            default:
                throw new MathEngineException(ErrorCodes.Internal, "Unknown expression node.");
        }
    }

    /// <summary>
    /// Exact logarithms where the value is rational: log_2(8) = 3, log(0.01) = -2, log_4(2) = 1/2, ln(1) = 0.
    /// A non-positive argument has no real logarithm and is refused; other values are refused as
    /// "ask for a decimal" rather than rounded.
    /// </summary>
    private static ExactNumber Logarithm(FunctionExpression log, ExactNumber argument)
    {
        var name = log.Function == FunctionName.Ln ? "ln" : log.LogBase is { } b ? $"log_{b}" : "log";
        if (!argument.TryGetRational(out var value))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"An exact value of {name}(…) of an irrational number is not supported; ask for a decimal.");
        }

        if (value.Sign <= 0)
        {
            throw new MathEngineException(ErrorCodes.LogOfNonPositive, $"{name} of {value} is not defined: a logarithm needs a positive number.");
        }

        if (value == Rational.One)
        {
            return Rational.Zero;
        }

        if (log.Function == FunctionName.Log && PowerOf(log.Base, value) is { } exponent)
        {
            return exponent;
        }

        throw new MathEngineException(ErrorCodes.Unsupported, $"{name}({value}) has no exact rational value; ask for a decimal.");
    }

    /// <summary>The rational n with base^n = value, when there is one (4 and 8: 3/2), by a shared whole-number root.</summary>
    public static Rational? PowerOf(Rational @base, Rational value)
    {
        if (@base.Sign <= 0 || value.Sign <= 0 || @base == Rational.One)
        {
            return null;
        }

        for (var p = 1; p <= 12; p++)
        {
            if (!NumberTheory.TryExactRoot(@base.Numerator, p, out var rn) || !NumberTheory.TryExactRoot(@base.Denominator, p, out var rd))
            {
                continue;
            }

            var root = new Rational(rn, rd);
            if (root == Rational.One)
            {
                continue;
            }

            // value = root^q for a whole q; |q| is bounded by the size of value in digits.
            var power = Rational.One;
            var limit = (int)System.Math.Min(400, (value.Numerator.GetBitLength() + value.Denominator.GetBitLength()) + 2);
            for (var q = 0; q <= limit; q++)
            {
                if (power == value)
                {
                    return new Rational(q, p);
                }

                if (power.Reciprocal() == value)
                {
                    return new Rational(-q, p);
                }

                power *= root;
                WorkMeter.Charge(1);
            }

        }

        return null;
    }

    public static ExactNumber EvaluatePower(ExactNumber baseValue, ExactNumber exponentValue)
    {
        if (!exponentValue.TryGetRational(out var exponent))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "Irrational exponents are not supported.");
        }

        if (baseValue.IsZero && exponent.IsZero)
        {
            throw new MathEngineException(ErrorCodes.ZeroToZero, "0^0 is undefined.");
        }

        if (exponent.IsInteger)
        {
            return baseValue.Pow(exponent.Numerator);
        }

        if (!baseValue.TryGetRational(out var b))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "Fractional powers of roots are not supported.");
        }

        if (exponent.Denominator > 64 || BigInteger.Abs(exponent.Numerator) > WorkMeter.CurrentLimits.MaxResultDigits)
        {
            throw new MathEngineException(ErrorCodes.Exponent, "The exponent is too large to work out exactly.");
        }

        var q = (int)exponent.Denominator;
        var p = exponent.Numerator;
        if (q == 2)
        {
            if (b.Sign < 0)
            {
                throw new MathEngineException(ErrorCodes.NegativeRoot, "An even root of a negative number is not a real number.");
            }

            return ExactNumber.Sqrt(b).Pow(p);
        }

        if (NumberTheory.TryExactRoot(b.Numerator, q, out var rootN) && NumberTheory.TryExactRoot(b.Denominator, q, out var rootD))
        {
            return new Rational(rootN, rootD).Pow(p);
        }

        throw new MathEngineException(ErrorCodes.Unsupported, $"An exact form of a root of degree {q} that is not a whole number is not supported.");
    }

    /// <summary>Floating-point value with variables bound (used for functions and random-point comparisons).</summary>
    public static double EvaluateDouble(Expression expression, IReadOnlyDictionary<string, double> values) => expression switch
    {
        NumberExpression { Style: NumberStyle.Degrees } angle => angle.Value.ToDouble() * System.Math.PI / 180,
        NumberExpression number => number.Value.ToDouble(),
        VariableExpression variable => values.TryGetValue(variable.Name, out var v) ? v : double.NaN,
        NegateExpression negate => -EvaluateDouble(negate.Operand, values),
        SumExpression sum => sum.Terms.Sum(t => EvaluateDouble(t, values)),
        ProductExpression product => product.Factors.Aggregate(1.0, (acc, f) => acc * EvaluateDouble(f, values)),
        ReciprocalExpression reciprocal => 1.0 / EvaluateDouble(reciprocal.Operand, values),
        PowerExpression power => System.Math.Pow(EvaluateDouble(power.Base, values), EvaluateDouble(power.Exponent, values)),
        FunctionExpression { Function: FunctionName.Log } log => System.Math.Log(EvaluateDouble(log.Argument, values)) / System.Math.Log(log.Base.ToDouble()),
        FunctionExpression function => ApplyFunction(function.Function, EvaluateDouble(function.Argument, values)),
        _ => double.NaN,
    };

    private static double ApplyFunction(FunctionName function, double x) => function switch
    {
        FunctionName.Sqrt => System.Math.Sqrt(x),
        FunctionName.Sin => System.Math.Sin(x),
        FunctionName.Cos => System.Math.Cos(x),
        FunctionName.Tan => System.Math.Tan(x),
        FunctionName.Exp => System.Math.Exp(x),
        FunctionName.Ln => System.Math.Log(x),
        FunctionName.Abs => System.Math.Abs(x),
        _ => double.NaN,
    };
}
