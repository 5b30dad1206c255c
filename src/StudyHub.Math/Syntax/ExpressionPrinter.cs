using System.Globalization;
using System.Text;
using StudyHub.Math.Numbers;

namespace StudyHub.Math.Syntax;

/// <summary>Prints a syntax tree back in the notation students write, with as few brackets as safe.</summary>
internal static class ExpressionPrinter
{
    public static string Print(Expression expression)
    {
        var sb = new StringBuilder();
        Write(sb, expression);
        return sb.ToString();
    }

    public static string FormatNumber(NumberExpression number) => number.Style switch
    {
        NumberStyle.Decimal => FormatDecimal(number.Value, number.DecimalPlaces),
        NumberStyle.Percent => FormatDecimal(number.Value * 100, number.DecimalPlaces) + "%",
        NumberStyle.Degrees => number.Value + "°",
        NumberStyle.Mixed when !number.Value.IsInteger && number.Value.Sign > 0 && number.Value.Floor() > 0 =>
            number.Value.Floor().ToString(CultureInfo.InvariantCulture) + " " + (number.Value - number.Value.Floor()).ToString(),
        _ => number.Value.ToString(),
    };

    private static string FormatDecimal(Rational value, int places)
    {
        var text = value.ToDecimalString(System.Math.Max(places, 0));
        if (places > 0 && !text.Contains('.', StringComparison.Ordinal))
        {
            text += ".";
        }

        // Keep the student's trailing zeros (0.50) because precision matters when checking.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            text = text.PadRight(dot + 1 + places, '0');
        }

        return text;
    }

    private static void Write(StringBuilder sb, Expression expression)
    {
        switch (expression)
        {
            case NumberExpression number:
                sb.Append(FormatNumber(number));
                break;
            case VariableExpression variable:
                sb.Append(variable.Name);
                break;
            case SumExpression sum:
                WriteSum(sb, sum);
                break;
            case ProductExpression product:
                WriteProduct(sb, product);
                break;
            case ReciprocalExpression reciprocal:
                sb.Append("1/");
                WriteDenominator(sb, reciprocal.Operand);
                break;
            case PowerExpression power:
                WritePower(sb, power);
                break;
            case NegateExpression negate:
                sb.Append('-');
                WriteWrapped(sb, negate.Operand, negate.Operand is SumExpression or NegateExpression || IsNegativeNumber(negate.Operand));
                break;
            case FunctionExpression function:
                WriteFunction(sb, function);
                break;
            default:
                throw new MathEngineException(ErrorCodes.Internal, "Unknown expression node.");
        }
    }

    private static void WriteSum(StringBuilder sb, SumExpression sum)
    {
        for (var i = 0; i < sum.Terms.Length; i++)
        {
            var term = sum.Terms[i];
            if (i == 0)
            {
                Write(sb, term);
                continue;
            }

            if (term is NegateExpression negate)
            {
                sb.Append(" - ");
                WriteWrapped(sb, negate.Operand, negate.Operand is SumExpression || IsNegativeNumber(negate.Operand));
            }
            else if (term is NumberExpression { Value.Sign: < 0 } negative)
            {
                sb.Append(" - ");
                sb.Append(FormatNumber(negative with { Value = -negative.Value }));
            }
            else if (term is ProductExpression { Factors: [NumberExpression { Value.Sign: < 0 } lead, ..] } product)
            {
                sb.Append(" - ");
                WriteProduct(sb, product with { Factors = product.Factors.SetItem(0, lead with { Value = -lead.Value }) });
            }
            else
            {
                sb.Append(" + ");
                Write(sb, term);
            }
        }
    }

    private static void WriteProduct(StringBuilder sb, ProductExpression product)
    {
        var previous = (Expression?)null;
        foreach (var factor in product.Factors)
        {
            if (factor is ReciprocalExpression reciprocal)
            {
                if (previous is null)
                {
                    sb.Append('1');
                }

                sb.Append('/');
                WriteDenominator(sb, reciprocal.Operand);
            }
            else if (previous is null)
            {
                WriteFactor(sb, factor, first: true);
            }
            else
            {
                var text = new StringBuilder();
                WriteFactor(text, factor, first: false);
                var start = text.Length > 0 ? text[0] : ' ';
                var juxtapose = (char.IsLetter(start) || start == '(' || start == '√')
                    && previous is not ReciprocalExpression
                    && factor is not FunctionExpression { Function: not FunctionName.Sqrt and not FunctionName.Exp }
                    && !(previous is VariableExpression && start != '(' && !char.IsLetter(start));
                sb.Append(juxtapose ? string.Empty : "·").Append(text);
            }

            previous = factor;
        }
    }

    private static void WriteFactor(StringBuilder sb, Expression factor, bool first)
    {
        var wrap = factor switch
        {
            SumExpression => true,
            NegateExpression => !first,
            NumberExpression number => (!first && number.Value.Sign < 0) || (!number.Value.IsInteger && number.Style is NumberStyle.Fraction or NumberStyle.Mixed && !first),
            ProductExpression => true,
            _ => false,
        };
        WriteWrapped(sb, factor, wrap);
    }

    private static void WriteDenominator(StringBuilder sb, Expression denominator)
    {
        var wrap = denominator switch
        {
            NumberExpression number => number.Value.Sign < 0 || !number.Value.IsInteger,
            VariableExpression or FunctionExpression => false,
            PowerExpression => false,
            _ => true,
        };
        WriteWrapped(sb, denominator, wrap);
    }

    private static void WritePower(StringBuilder sb, PowerExpression power)
    {
        var baseIsAtom = power.Base switch
        {
            VariableExpression => true,
            NumberExpression number => number.Value.Sign >= 0 && number.Value.IsInteger,
            FunctionExpression function => function.Function != FunctionName.Exp,
            _ => false,
        };
        WriteWrapped(sb, power.Base, !baseIsAtom);
        sb.Append('^');
        var exponentIsAtom = power.Exponent switch
        {
            VariableExpression => true,
            NumberExpression number => number.Value.Sign >= 0 && number.Value.IsInteger,
            _ => false,
        };
        WriteWrapped(sb, power.Exponent, !exponentIsAtom);
    }

    private static void WriteFunction(StringBuilder sb, FunctionExpression function)
    {
        switch (function.Function)
        {
            case FunctionName.Sqrt:
                sb.Append('√');
                var atom = function.Argument is VariableExpression || function.Argument is NumberExpression { Value: { Sign: >= 0, IsInteger: true } };
                WriteWrapped(sb, function.Argument, !atom);
                break;
            case FunctionName.Exp when function.Argument is NumberExpression { Value: var one } && one == Rational.One:
                sb.Append('e');
                break;
            case FunctionName.Exp:
                sb.Append("e^");
                var simple = function.Argument is VariableExpression || function.Argument is NumberExpression { Value: { Sign: >= 0, IsInteger: true } };
                WriteWrapped(sb, function.Argument, !simple);
                break;
            case FunctionName.Log when function.LogBase is { } logBase:
                sb.Append("log_").Append(logBase).Append('(');
                Write(sb, function.Argument);
                sb.Append(')');
                break;
            default:
                sb.Append(function.Function.ToString().ToLowerInvariant()).Append('(');
                Write(sb, function.Argument);
                sb.Append(')');
                break;
        }
    }

    private static void WriteWrapped(StringBuilder sb, Expression expression, bool wrap)
    {
        if (wrap)
        {
            sb.Append('(');
        }

        Write(sb, expression);
        if (wrap)
        {
            sb.Append(')');
        }
    }

    private static bool IsNegativeNumber(Expression expression) => expression is NumberExpression { Value.Sign: < 0 };
}
