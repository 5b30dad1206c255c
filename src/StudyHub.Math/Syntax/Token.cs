using StudyHub.Math.Numbers;

namespace StudyHub.Math.Syntax;

internal enum TokenKind
{
    Number,
    Identifier,
    Function,
    Plus,
    Minus,
    PlusMinus,
    Star,
    Slash,
    Caret,
    Open,
    Close,
    Comma,
    Semicolon,
    Relation,
    Percent,
    Sqrt,

    /// <summary>An nth root (∛, \sqrt[n]{}, "cube root of"); <see cref="Token.Value"/> holds n.</summary>
    Root,
    Bar,
    Factorial,
    Degree,
    Frac,
    Infinity,
    End,
}

/// <summary>Position is the 0-based index in the original text (reported 1-based to people).</summary>
internal sealed record Token(TokenKind Kind, int Position, int Length, string Text)
{
    public Rational Value { get; init; }

    public NumberStyle Style { get; init; }

    public int DecimalPlaces { get; init; }

    public FunctionName Function { get; init; }

    /// <summary>log_b: the base written after "log_" (null: log means base 10).</summary>
    public Rational? LogBase { get; init; }

    public RelationOperator Relation { get; init; }

    /// <summary>Whitespace came right before this token (needed to recognise mixed numbers like "2 1/2").</summary>
    public bool SpaceBefore { get; init; }

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Number => $"number '{Text}'",
        TokenKind.Identifier => $"'{Text}'",
        _ => $"'{Text}'",
    };
}
