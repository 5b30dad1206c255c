using System.Collections.Immutable;
using StudyHub.Math.Numbers;

namespace StudyHub.Math.Syntax;

/// <summary>
/// Recursive-descent parser. Every recursive entry point goes through <see cref="Enter"/>, which
/// counts depth, so 10,000 nested parentheses end in budget.depth long before the stack is at risk.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _index;
    private int _depth;
    private int _bars;

    private Parser(List<Token> tokens)
    {
        _tokens = tokens;
        _maxDepth = WorkMeter.CurrentLimits.MaxDepth;
    }

    private Token Current => _tokens[_index];

    public static List<Statement> ParseStatements(string text, int start = 0, int? end = null, Vocabulary? vocabulary = null)
    {
        var parser = new Parser(Tokenizer.Tokenize(text, start, end, vocabulary));
        return parser.ParseStatementList();
    }

    public static Expression ParseExpression(string text)
    {
        var parser = new Parser(Tokenizer.Tokenize(text));
        var expression = parser.ParseSum();
        parser.Expect(TokenKind.End, "end of input");
        return expression;
    }

    private List<Statement> ParseStatementList()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw new MathEngineException(ErrorCodes.EmptyInput, "There is no maths to read here.", Current.Position + 1);
        }

        var statements = new List<Statement>();
        while (true)
        {
            statements.Add(ParseStatement());
            if (Current.Kind is TokenKind.Comma or TokenKind.Semicolon)
            {
                _index++;
                continue;
            }

            Expect(TokenKind.End, "end of input");
            return statements;
        }
    }

    private Statement ParseStatement()
    {
        var position = Current.Position;
        var left = ParseSum();
        if (Current.Kind != TokenKind.Relation)
        {
            return new Statement(left, null, null, position);
        }

        var op = Current.Relation;
        _index++;
        var right = ParseSum();
        if (Current.Kind == TokenKind.Relation)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Chained relations like a < x < b are not supported yet (position {Current.Position + 1}).", Current.Position + 1);
        }

        return new Statement(left, op, right, position);
    }

    private Expression ParseSum()
    {
        Enter();
        var terms = ImmutableArray.CreateBuilder<Expression>();
        terms.Add(ParseProduct());
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var negative = Current.Kind == TokenKind.Minus;
            _index++;
            var term = ParseProduct();
            terms.Add(negative ? new NegateExpression(term) : term);
        }

        Leave();
        return terms.Count == 1 ? terms[0] : new SumExpression(terms.ToImmutable());
    }

    private Expression ParseProduct()
    {
        var factors = ImmutableArray.CreateBuilder<Expression>();
        factors.Add(ParseUnary());
        while (true)
        {
            if (Current.Kind == TokenKind.Star)
            {
                _index++;
                factors.Add(ParseUnary());
            }
            else if (Current.Kind == TokenKind.Slash)
            {
                _index++;
                factors.Add(new ReciprocalExpression(ParseUnary()));
            }
            else if (StartsImplicitFactor())
            {
                // Implicit multiplication binds like explicit: 1/2x is (1/2)·x.
                factors.Add(ParsePower());
            }
            else
            {
                break;
            }
        }

        return factors.Count == 1 ? factors[0] : new ProductExpression(factors.ToImmutable());
    }

    private bool StartsImplicitFactor() => Current.Kind switch
    {
        TokenKind.Identifier or TokenKind.Function or TokenKind.Sqrt or TokenKind.Root or TokenKind.Frac or TokenKind.Open => true,
        TokenKind.Bar => _bars == 0,
        TokenKind.Number => Previous().Kind is TokenKind.Close,
        _ => false,
    };

    private Token Previous() => _index > 0 ? _tokens[_index - 1] : Current;

    private Expression ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var negative = Current.Kind == TokenKind.Minus;
            _index++;
            Enter();
            var operand = ParseUnary();
            Leave();
            if (!negative)
            {
                return operand;
            }

            return operand is NumberExpression number
                ? number with { Value = -number.Value }
                : new NegateExpression(operand);
        }

        return ParsePower();
    }

    private Expression ParsePower()
    {
        var baseExpression = ParsePostfix();
        if (Current.Kind != TokenKind.Caret)
        {
            return baseExpression;
        }

        _index++;
        Enter();

        // Right associative and allows a sign: 2^-1, 10^10^10.
        var exponent = ParseUnary();
        Leave();
        return new PowerExpression(baseExpression, exponent);
    }

    private Expression ParsePostfix()
    {
        var primary = ParsePrimary();
        if (Current.Kind == TokenKind.Factorial)
        {
            primary = Factorial(primary, Current);
            _index++;
        }

        if (Current.Kind == TokenKind.Degree)
        {
            if (primary is not NumberExpression angle)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, $"'°' is supported after a number (position {Current.Position + 1}).", Current.Position + 1);
            }

            _index++;
            return angle with { Style = NumberStyle.Degrees };
        }

        if (Current.Kind == TokenKind.Percent)
        {
            _index++;
            if (primary is NumberExpression number)
            {
                return new NumberExpression(number.Value / 100, NumberStyle.Percent, number.DecimalPlaces);
            }

            return new ProductExpression([primary, new NumberExpression(new Rational(1, 100), NumberStyle.Percent)]);
        }

        return primary;
    }

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return ReadMixedNumber(token) ?? ReadFraction(token) ?? new NumberExpression(token.Value, token.Style, token.DecimalPlaces);
            case TokenKind.Root:
                {
                    _index++;
                    Enter();
                    var radicand = Current.Kind == TokenKind.Open ? ParsePrimary() : ParsePower();
                    Leave();
                    return new PowerExpression(radicand, new NumberExpression(new Rational(1) / token.Value, NumberStyle.Fraction));
                }

            case TokenKind.Bar when _bars == 0 || Previous().Kind is not (TokenKind.Number or TokenKind.Identifier or TokenKind.Close or TokenKind.Bar):
                {
                    // |x| is abs(x); a bar only opens where an operand is expected, so |a - |b|| nests.
                    _index++;
                    _bars++;
                    Enter();
                    var inner = ParseSum();
                    Leave();
                    _bars--;
                    Expect(TokenKind.Bar, "'|'");
                    return new FunctionExpression(FunctionName.Abs, inner);
                }

            case TokenKind.Identifier:
                _index++;
                if (token.Text == "e" && Current.Kind == TokenKind.Caret)
                {
                    // e^u is read as exp(u) so derivatives and evaluation know Euler's number.
                    _index++;
                    Enter();
                    var exponent = ParseUnary();
                    Leave();
                    return new FunctionExpression(FunctionName.Exp, exponent);
                }

                return new VariableExpression(token.Text);
            case TokenKind.Open:
                {
                    _index++;
                    Enter();
                    var inner = ParseSum();
                    Leave();
                    Expect(TokenKind.Close, "')'");
                    return inner;
                }

            case TokenKind.Function or TokenKind.Sqrt:
                {
                    _index++;
                    Enter();
                    var argument = Current.Kind == TokenKind.Open ? ParsePrimary() : ParsePower();
                    Leave();
                    return new FunctionExpression(token.Kind == TokenKind.Sqrt ? FunctionName.Sqrt : token.Function, argument) { LogBase = token.LogBase };
                }

            case TokenKind.Frac:
                {
                    _index++;
                    Enter();
                    var numerator = ParseGroup();
                    var denominator = ParseGroup();
                    Leave();
                    return new ProductExpression([numerator, new ReciprocalExpression(denominator)]);
                }

            case TokenKind.End:
                throw new MathEngineException(ErrorCodes.UnexpectedEnd, $"Expected a number, variable or '(' at position {token.Position + 1} but the input ended.", token.Position + 1);
            default:
                throw new MathEngineException(ErrorCodes.UnexpectedToken, $"Expected a number, variable or '(' at position {token.Position + 1} but found {token.Describe()}.", token.Position + 1);
        }
    }

    /// <summary>\frac{a}{b} arguments: a braced group, or a single token as LaTeX allows (\frac12).</summary>
    private Expression ParseGroup()
    {
        if (Current.Kind == TokenKind.Open)
        {
            return ParsePrimary();
        }

        if (Current.Kind == TokenKind.Number && Current.Text.Length > 1 && Current.Style == NumberStyle.Integer)
        {
            // \frac12 means \frac{1}{2}: each digit is its own argument.
            var token = Current;
            var first = new Rational(token.Text[0] - '0');
            var rest = token.Text[1..];
            _tokens[_index] = token with { Text = rest, Position = token.Position + 1, Length = token.Length - 1, Value = Rational.ParseDecimal(rest) };
            return new NumberExpression(first);
        }

        return ParsePrimary();
    }

    /// <summary>
    /// A fraction of two whole numbers binds tighter than × and ÷, the way it is typeset: 3/4 ÷ 1/8 is
    /// (3/4) ÷ (1/8) = 6. Not after "/" (x/2/3 stays (x/2)/3) nor in an exponent or before one
    /// (2^3/4 is 2^3 ÷ 4, 1/2^3 is 1 ÷ 2^3).
    /// </summary>
    private Expression? ReadFraction(Token numerator)
    {
        var before = _index >= 2 ? _tokens[_index - 2] : null;
        if (numerator.Style != NumberStyle.Integer || Current.Kind != TokenKind.Slash || Current.Text == "÷"
            || before is { Kind: TokenKind.Caret } || (before is { Kind: TokenKind.Slash } && before.Text != "÷")
            || _index + 1 >= _tokens.Count || _tokens[_index + 1] is not { Kind: TokenKind.Number, Style: NumberStyle.Integer } denominator
            || denominator.Value.IsZero || (_index + 2 < _tokens.Count && _tokens[_index + 2].Kind is TokenKind.Caret or TokenKind.Factorial))
        {
            return null;
        }

        // Kept as its own a/b node (not folded to a value) so the problem still prints as written.
        _index += 2;
        return Build.Divide(new NumberExpression(numerator.Value), new NumberExpression(denominator.Value));
    }

    /// <summary>n! for a whole number n up to 100 (larger factorials are beyond any homework and the digit budget).</summary>
    private static NumberExpression Factorial(Expression operand, Token bang)
    {
        if (operand is not NumberExpression { Value: { IsInteger: true, Sign: >= 0 } value } || value > new Rational(100))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"'!' is supported after a whole number from 0 to 100 (position {bang.Position + 1}).", bang.Position + 1);
        }

        var result = System.Numerics.BigInteger.One;
        for (var k = 2; k <= (int)value.Numerator; k++)
        {
            result *= k;
        }

        return new NumberExpression(new Rational(result));
    }

    private NumberExpression? ReadMixedNumber(Token whole)
    {
        // "2 1/2" and "2½" are mixed numbers: whole part, space, then an integer fraction.
        if (whole.Style != NumberStyle.Integer || whole.Value.Sign < 0)
        {
            return null;
        }

        // LaTeX writes 4 3/8 as 4\frac{3}{8}: a whole number right before a \frac of two whole numbers.
        if (Current.Kind == TokenKind.Frac && _index + 6 < _tokens.Count
            && _tokens[_index + 1].Kind == TokenKind.Open && _tokens[_index + 2] is { Kind: TokenKind.Number, Style: NumberStyle.Integer } top && _tokens[_index + 3].Kind == TokenKind.Close
            && _tokens[_index + 4].Kind == TokenKind.Open && _tokens[_index + 5] is { Kind: TokenKind.Number, Style: NumberStyle.Integer } bottom && _tokens[_index + 6].Kind == TokenKind.Close
            && !bottom.Value.IsZero && top.Value < bottom.Value)
        {
            _index += 7;
            return new NumberExpression(whole.Value + (top.Value / bottom.Value), NumberStyle.Mixed);
        }

        if (Current.Kind == TokenKind.Number && Current.Style == NumberStyle.Fraction && _tokens[_index - 1] == whole)
        {
            var vulgar = Current;
            _index++;
            return new NumberExpression(whole.Value + vulgar.Value, NumberStyle.Mixed);
        }

        if (Current.Kind == TokenKind.Number && Current.SpaceBefore && Current.Style == NumberStyle.Integer
            && _index + 2 < _tokens.Count && _tokens[_index + 1].Kind == TokenKind.Slash
            && _tokens[_index + 2].Kind == TokenKind.Number && _tokens[_index + 2].Style == NumberStyle.Integer
            && _tokens[_index + 3 < _tokens.Count ? _index + 3 : _index + 2].Kind != TokenKind.Caret)
        {
            var numerator = Current.Value;
            var denominator = _tokens[_index + 2].Value;
            if (denominator.IsZero || numerator >= denominator)
            {
                return null;
            }

            _index += 3;
            return new NumberExpression(whole.Value + (numerator / denominator), NumberStyle.Mixed);
        }

        return null;
    }

    private void Expect(TokenKind kind, string description)
    {
        if (Current.Kind == kind)
        {
            _index++;
            return;
        }

        var code = Current.Kind == TokenKind.End ? ErrorCodes.UnexpectedEnd : ErrorCodes.UnexpectedToken;
        var found = Current.Kind == TokenKind.End ? "the input ended" : "found " + Current.Describe();
        throw new MathEngineException(code, $"Expected {description} at position {Current.Position + 1} but {found}.", Current.Position + 1);
    }

    private void Enter()
    {
        if (++_depth > _maxDepth)
        {
            throw new MathEngineException(ErrorCodes.Depth, $"The expression is nested more than {_maxDepth} levels deep (position {Current.Position + 1}).", Current.Position + 1);
        }
    }

    private void Leave() => _depth--;
}
