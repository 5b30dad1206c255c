using System.Collections.Immutable;
using StudyHub.Math.Numbers;

namespace StudyHub.Math.Syntax;

/// <summary>
/// Syntax tree as the student wrote it (after reading conventions are applied). Sums and products are
/// n-ary so long inputs stay shallow; division is a <see cref="ReciprocalExpression"/> factor so that
/// "1/2x" reads left to right as (1/2)·x.
/// </summary>
internal abstract record Expression
{
    public override string ToString() => ExpressionPrinter.Print(this);

    /// <summary>This node and every node below it, left to right (iterative, so deep trees cannot overflow the stack).</summary>
    public IEnumerable<Expression> DescendantsAndSelf()
    {
        var pending = new Stack<Expression>();
        pending.Push(this);
        while (pending.TryPop(out var node))
        {
            yield return node;
            var children = Children(node);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    private static IReadOnlyList<Expression> Children(Expression node) => node switch
    {
        SumExpression sum => sum.Terms,
        ProductExpression product => product.Factors,
        ReciprocalExpression reciprocal => [reciprocal.Operand],
        NegateExpression negate => [negate.Operand],
        PowerExpression power => [power.Base, power.Exponent],
        FunctionExpression function => [function.Argument],
        _ => [],
    };
}

internal enum NumberStyle
{
    Integer,
    Decimal,
    Percent,
    Mixed,
    Fraction,

    /// <summary>An angle in degrees (30°): only sin, cos and tan give it a value.</summary>
    Degrees,
}

internal sealed record NumberExpression(Rational Value, NumberStyle Style = NumberStyle.Integer, int DecimalPlaces = 0) : Expression
{
    public override string ToString() => ExpressionPrinter.Print(this);
}

internal sealed record VariableExpression(string Name) : Expression
{
    public override string ToString() => Name;
}

internal sealed record SumExpression(ImmutableArray<Expression> Terms) : Expression
{
    public override string ToString() => ExpressionPrinter.Print(this);
}

internal sealed record ProductExpression(ImmutableArray<Expression> Factors) : Expression
{
    public override string ToString() => ExpressionPrinter.Print(this);
}

internal sealed record ReciprocalExpression(Expression Operand) : Expression
{
    public override string ToString() => ExpressionPrinter.Print(this);
}

internal sealed record PowerExpression(Expression Base, Expression Exponent) : Expression
{
    public override string ToString() => ExpressionPrinter.Print(this);
}

internal sealed record NegateExpression(Expression Operand) : Expression
{
    public override string ToString() => ExpressionPrinter.Print(this);
}

internal enum FunctionName
{
    Sqrt,
    Sin,
    Cos,
    Tan,
    Exp,
    Ln,
    Log,
    Abs,
}

internal sealed record FunctionExpression(FunctionName Function, Expression Argument) : Expression
{
    /// <summary>For <see cref="FunctionName.Log"/>: the base of log_b; null is base 10.</summary>
    public Rational? LogBase { get; init; }

    public Rational Base => LogBase ?? new Rational(10);

    public override string ToString() => ExpressionPrinter.Print(this);
}

internal enum RelationOperator
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    NotEqual,
}

/// <summary>One comma-separated part of a problem: an expression, or a relation between two.</summary>
internal sealed record Statement(Expression Left, RelationOperator? Operator, Expression? Right, int Position)
{
    public bool IsRelation => Operator is not null;

    public override string ToString() =>
        Operator is null ? ExpressionPrinter.Print(Left) : $"{ExpressionPrinter.Print(Left)} {RelationText(Operator.Value)} {ExpressionPrinter.Print(Right!)}";

    public static string RelationText(RelationOperator op) => op switch
    {
        RelationOperator.Equal => "=",
        RelationOperator.Less => "<",
        RelationOperator.LessOrEqual => "≤",
        RelationOperator.Greater => ">",
        RelationOperator.GreaterOrEqual => "≥",
        _ => "≠",
    };
}

internal static class Build
{
    public static NumberExpression Number(Rational value) => new(value, value.IsInteger ? NumberStyle.Integer : NumberStyle.Fraction);

    public static Expression Sum(params Expression[] terms) => terms.Length == 1 ? terms[0] : new SumExpression([.. terms]);

    public static Expression Product(params Expression[] factors) => factors.Length == 1 ? factors[0] : new ProductExpression([.. factors]);

    public static Expression Divide(Expression numerator, Expression denominator) =>
        new ProductExpression([numerator, new ReciprocalExpression(denominator)]);
}
