using System.Collections.Immutable;
using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>Symbolic derivatives with the power, product, quotient and chain rules, term by term with steps.</summary>
internal static class Differentiator
{
    public static Solution Solve(ParsedProblem problem)
    {
        var variable = problem.TargetVariable ?? "x";
        var expression = problem.Single.Left;
        var steps = new List<WorkedStep>();
        var terms = expression is SumExpression sum ? sum.Terms : [expression];
        var derivatives = new List<Expression>();
        foreach (var term in terms)
        {
            var derivative = Differentiate(term, variable);
            var tidy = Tidy(derivative);
            derivatives.Add(derivative);
            steps.Add(new WorkedStep($"{RuleFor(term, variable)}: d/d{variable}({term})", tidy.ToString()) { Kind = RuleKind(term, variable), Operand = term.ToString() });
        }

        var result = Tidy(new SumExpression([.. derivatives]));
        var text = result.ToString();
        steps.Add(new WorkedStep(terms.Length > 1 ? "Add the derivatives of the terms" : "Simplify", text) { Kind = terms.Length > 1 ? StepKind.SumRule : StepKind.Simplify });
        return ExpressionSolver.ExpressionResult(problem, text, steps, []);
    }

    private static string RuleFor(Expression term, string variable)
    {
        if (!Depends(term, variable))
        {
            return "The derivative of a constant is 0";
        }

        return term switch
        {
            VariableExpression => "The derivative of the variable is 1",
            PowerExpression { Base: VariableExpression } => "Power rule",
            NegateExpression negate => RuleFor(negate.Operand, variable),
            ProductExpression product when product.Factors.Any(f => f is ReciprocalExpression r && Depends(r.Operand, variable)) => "Quotient rule",
            ProductExpression product when product.Factors.Count(f => Depends(f, variable)) > 1 => "Product rule",
            ProductExpression product => "Constant multiple rule, then " + RuleFor(product.Factors.First(f => Depends(f, variable)), variable).ToLowerInvariant(),
            FunctionExpression { Argument: VariableExpression } function => $"Derivative of {function.Function.ToString().ToLowerInvariant()}",
            FunctionExpression or PowerExpression => "Chain rule",
            _ => "Differentiate",
        };
    }

    /// <summary>The rule <see cref="RuleFor"/> names, as a step kind (a constant multiple takes the kind of the rule it multiplies).</summary>
    private static StepKind RuleKind(Expression term, string variable)
    {
        if (!Depends(term, variable))
        {
            return StepKind.ConstantRule;
        }

        return term switch
        {
            VariableExpression => StepKind.VariableRule,
            PowerExpression { Base: VariableExpression } => StepKind.PowerRule,
            NegateExpression negate => RuleKind(negate.Operand, variable),
            ProductExpression product when product.Factors.Any(f => f is ReciprocalExpression r && Depends(r.Operand, variable)) => StepKind.QuotientRule,
            ProductExpression product when product.Factors.Count(f => Depends(f, variable)) > 1 => StepKind.ProductRule,
            ProductExpression product => RuleKind(product.Factors.First(f => Depends(f, variable)), variable),
            FunctionExpression { Argument: VariableExpression } => StepKind.FunctionRule,
            FunctionExpression or PowerExpression => StepKind.ChainRule,
            _ => StepKind.Other,
        };
    }

    public static bool Depends(Expression expression, string variable) => AlgebraicReader.VariablesOf(expression).Contains(variable);

    public static Expression Differentiate(Expression expression, string v)
    {
        WorkMeter.Charge(1);
        if (!Depends(expression, v))
        {
            return Zero;
        }

        switch (expression)
        {
            case VariableExpression:
                return One;
            case NegateExpression negate:
                return new NegateExpression(Differentiate(negate.Operand, v));
            case SumExpression sum:
                return new SumExpression([.. sum.Terms.Select(t => Differentiate(t, v))]);
            case ProductExpression product:
                return DifferentiateProduct(product, v);
            case ReciprocalExpression reciprocal:
                // (1/g)' = -g'/g^2
                return new NegateExpression(Build.Divide(Differentiate(reciprocal.Operand, v), new PowerExpression(reciprocal.Operand, Number(2))));
            case PowerExpression power:
                return DifferentiatePower(power, v);
            case FunctionExpression function:
                {
                    var inner = Differentiate(function.Argument, v);
                    var u = function.Argument;
                    Expression outer = function.Function switch
                    {
                        FunctionName.Sin => new FunctionExpression(FunctionName.Cos, u),
                        FunctionName.Cos => new NegateExpression(new FunctionExpression(FunctionName.Sin, u)),
                        FunctionName.Tan => new PowerExpression(new FunctionExpression(FunctionName.Cos, u), Number(-2)),
                        FunctionName.Exp => function,
                        FunctionName.Ln => new ReciprocalExpression(u),
                        FunctionName.Log => new ReciprocalExpression(Build.Product(u, new FunctionExpression(FunctionName.Ln, Build.Number(function.Base)))),
                        FunctionName.Sqrt => new ReciprocalExpression(Build.Product(Number(2), function)),
                        _ => throw new MathEngineException(ErrorCodes.Unsupported, $"The derivative of {function.Function.ToString().ToLowerInvariant()} is not supported."),
                    };
                    return Build.Product(outer, inner);
                }

            default:
                throw new MathEngineException(ErrorCodes.Unsupported, "This expression cannot be differentiated.");
        }
    }

    private static Expression DifferentiateProduct(ProductExpression product, string v)
    {
        // Sum over i of (f_i' · product of the others); reciprocal factors differentiate as (1/g)'.
        var terms = new List<Expression>();
        for (var i = 0; i < product.Factors.Length; i++)
        {
            if (!Depends(product.Factors[i], v))
            {
                continue;
            }

            var factors = product.Factors.ToList();
            factors[i] = Differentiate(product.Factors[i], v);
            terms.Add(new ProductExpression([.. factors]));
        }

        return terms.Count == 1 ? terms[0] : new SumExpression([.. terms]);
    }

    private static Expression DifferentiatePower(PowerExpression power, string v)
    {
        if (!Depends(power.Exponent, v))
        {
            // Power rule with the chain rule: (u^n)' = n·u^(n-1)·u'
            var n = power.Exponent;
            var lowered = Tidy(new SumExpression([n, Number(-1)]));
            return Build.Product(n, new PowerExpression(power.Base, lowered), Differentiate(power.Base, v));
        }

        if (!Depends(power.Base, v))
        {
            // (a^u)' = a^u · ln(a) · u'
            return Build.Product(power, new FunctionExpression(FunctionName.Ln, power.Base), Differentiate(power.Exponent, v));
        }

        // u^w = e^(w ln u)
        var rewritten = new FunctionExpression(FunctionName.Exp, Build.Product(power.Exponent, new FunctionExpression(FunctionName.Ln, power.Base)));
        return Differentiate(rewritten, v);
    }

    private static NumberExpression Number(int value) => new(value);

    private static NumberExpression Zero => new(Rational.Zero);

    private static NumberExpression One => new(Rational.One);

    /// <summary>
    /// Light clean-up of a derivative: exact canonical form when the result is rational in x,
    /// otherwise fold constants, drop zeros and ones, and flatten.
    /// </summary>
    public static Expression Tidy(Expression expression)
    {
        if (!AlgebraicReader.HasFunctions(expression))
        {
            try
            {
                var fraction = AlgebraicReader.TryToFraction(expression);
                if (fraction is not null)
                {
                    return Parser.ParseExpression(fraction.Reduce().Reduced.ToString());
                }
            }
            catch (MathEngineException e) when (e.Code is ErrorCodes.Exponent or ErrorCodes.Unsupported)
            {
                // Fall back to the structural clean-up below (e.g. fractional exponents).
            }
        }

        switch (expression)
        {
            case SumExpression sum:
                {
                    var terms = new List<Expression>();
                    var constant = Rational.Zero;
                    foreach (var term in sum.Terms.Select(Tidy))
                    {
                        if (term is NumberExpression number)
                        {
                            constant += number.Value;
                        }
                        else if (term is SumExpression inner)
                        {
                            terms.AddRange(inner.Terms);
                        }
                        else
                        {
                            terms.Add(term);
                        }
                    }

                    if (!constant.IsZero || terms.Count == 0)
                    {
                        terms.Add(Build.Number(constant));
                    }

                    return terms.Count == 1 ? terms[0] : new SumExpression([.. terms]);
                }

            case ProductExpression product:
                {
                    var factors = new List<Expression>();
                    var coefficient = Rational.One;
                    void AddFactor(Expression factor)
                    {
                        switch (factor)
                        {
                            case NumberExpression number:
                                coefficient *= number.Value;
                                break;
                            case ReciprocalExpression { Operand: NumberExpression denominator }:
                                coefficient /= denominator.Value;
                                break;
                            case ReciprocalExpression { Operand: ProductExpression inner } when inner.Factors.Any(f => f is NumberExpression):
                                foreach (var f in inner.Factors.OfType<NumberExpression>())
                                {
                                    coefficient /= f.Value;
                                }

                                var others = inner.Factors.Where(f => f is not NumberExpression).ToArray();
                                if (others.Length > 0)
                                {
                                    factors.Add(new ReciprocalExpression(Build.Product(others)));
                                }

                                break;
                            case NegateExpression negate:
                                coefficient = -coefficient;
                                AddFactor(negate.Operand);
                                break;
                            case ProductExpression inner:
                                foreach (var f in inner.Factors)
                                {
                                    AddFactor(f);
                                }

                                break;
                            default:
                                factors.Add(factor);
                                break;
                        }
                    }

                    foreach (var factor in product.Factors.Select(Tidy))
                    {
                        AddFactor(factor);
                    }

                    if (coefficient.IsZero)
                    {
                        return Zero;
                    }

                    // Polynomial-looking factors first, functions last: 2x·cos(x^2).
                    var ordered = factors.OrderBy(f => f is ReciprocalExpression ? 2 : AlgebraicReader.HasFunctions(f) ? 1 : 0).ToList();
                    if (!coefficient.IsOne && !(coefficient == Rational.MinusOne && ordered.Count > 0))
                    {
                        ordered.Insert(0, Build.Number(coefficient.Abs() == coefficient ? coefficient : coefficient.Abs()));
                    }

                    Expression result = ordered.Count == 0 ? Build.Number(coefficient.Abs()) : ordered.Count == 1 ? ordered[0] : new ProductExpression([.. ordered]);
                    if (ordered.Count > 0 && ordered[0] is ReciprocalExpression)
                    {
                        result = new ProductExpression([One, .. ordered]);
                    }

                    return coefficient.Sign < 0 ? new NegateExpression(result) : result;
                }

            case NegateExpression negate:
                {
                    var inner = Tidy(negate.Operand);
                    return inner switch
                    {
                        NumberExpression number => Build.Number(-number.Value),
                        NegateExpression double_ => double_.Operand,
                        _ => new NegateExpression(inner),
                    };
                }

            case PowerExpression power:
                {
                    var b = Tidy(power.Base);
                    var e = Tidy(power.Exponent);
                    if (e is NumberExpression { Value.IsOne: true })
                    {
                        return b;
                    }

                    if (e is NumberExpression { Value.IsZero: true })
                    {
                        return One;
                    }

                    return new PowerExpression(b, e);
                }

            case ReciprocalExpression reciprocal:
                return new ReciprocalExpression(Tidy(reciprocal.Operand));
            case FunctionExpression function:
                return function with { Argument = Tidy(function.Argument) };
            default:
                return expression;
        }
    }

    internal static ImmutableArray<Expression> Terms(Expression expression) => expression is SumExpression s ? s.Terms : [expression];
}
