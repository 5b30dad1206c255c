using StudyHub.Math.Numbers;

namespace StudyHub.Math.Syntax;

/// <summary>
/// Turns plain text, unicode maths and simple LaTeX into tokens, keeping each token's position in
/// the original text so errors can point at it.
/// </summary>
internal sealed partial class Tokenizer
{
    private static readonly (string Word, TokenKind Kind, FunctionName Function)[] Words =
    [
        ("infinity", TokenKind.Infinity, default),
        ("sqrt", TokenKind.Sqrt, FunctionName.Sqrt),
        ("sin", TokenKind.Function, FunctionName.Sin),
        ("cos", TokenKind.Function, FunctionName.Cos),
        ("tan", TokenKind.Function, FunctionName.Tan),
        ("exp", TokenKind.Function, FunctionName.Exp),
        ("abs", TokenKind.Function, FunctionName.Abs),
        ("log", TokenKind.Function, FunctionName.Log),
        ("inf", TokenKind.Infinity, default),
        ("and", TokenKind.Semicolon, default),
        ("ln", TokenKind.Function, FunctionName.Ln),
        ("of", TokenKind.Star, default),
        ("or", TokenKind.Semicolon, default),
    ];

    private static readonly Dictionary<char, (int Numerator, int Denominator)> VulgarFractions = new()
    {
        ['½'] = (1, 2), ['⅓'] = (1, 3), ['⅔'] = (2, 3), ['¼'] = (1, 4), ['¾'] = (3, 4),
        ['⅕'] = (1, 5), ['⅖'] = (2, 5), ['⅗'] = (3, 5), ['⅘'] = (4, 5), ['⅙'] = (1, 6),
        ['⅚'] = (5, 6), ['⅛'] = (1, 8), ['⅜'] = (3, 8), ['⅝'] = (5, 8), ['⅞'] = (7, 8),
        ['⅐'] = (1, 7), ['⅑'] = (1, 9), ['⅒'] = (1, 10),
    };

    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private readonly string _text;
    private readonly int _end;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private bool _space;

    private readonly Vocabulary _vocabulary;

    private Tokenizer(string text, int start, int end, Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _text = text;
        _pos = start;
        _end = end;
    }

    /// <param name="vocabulary">What the problem may say; <see cref="Vocabulary.Permissive"/> (the default) for text the engine printed itself.</param>
    public static List<Token> Tokenize(string text, int start = 0, int? end = null, Vocabulary? vocabulary = null)
    {
        var tokenizer = new Tokenizer(text, start, end ?? text.Length, vocabulary ?? Vocabulary.Permissive);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private void Run()
    {
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                // Systems are often written one equation per line: a line break after a complete
                // statement separates, like a comma; inside an unfinished expression it is just space.
                if (c == '\n' && _tokens.Count > 0 && _tokens[^1].Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.Close or TokenKind.Bar or TokenKind.Factorial or TokenKind.Percent)
                {
                    _tokens.Add(new Token(TokenKind.Semicolon, _pos, 1, "\n"));
                }

                _space = true;
                _pos++;
                continue;
            }

            if (TryReadRootPhrase() || TryReadLogBase())
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _end && char.IsAsciiDigit(_text[_pos + 1])))
            {
                ReadNumber();
            }
            else if (char.IsLetter(c) && !VulgarFractions.ContainsKey(c))
            {
                ReadWord();
            }
            else if (c == '\\')
            {
                ReadLatex();
            }
            else if (Superscripts.Contains(c, StringComparison.Ordinal) || c == '⁻')
            {
                ReadSuperscript();
            }
            else if (VulgarFractions.TryGetValue(c, out var fraction))
            {
                Add(TokenKind.Number, 1, c.ToString());
                _tokens[^1] = _tokens[^1] with { Value = new Rational(fraction.Numerator, fraction.Denominator), Style = NumberStyle.Fraction };
            }
            else
            {
                ReadSymbol(c);
            }
        }

        _tokens.Add(new Token(TokenKind.End, _end, 0, string.Empty) { SpaceBefore = _space });
    }

    private void ReadSymbol(char c)
    {
        var next = _pos + 1 < _end ? _text[_pos + 1] : '\0';
        switch (c)
        {
            case '+': Add(TokenKind.Plus, 1); break;
            case '-' or '−' or '–' or '—' or '‐' or '‑': Add(TokenKind.Minus, 1); break;
            case '±': Add(TokenKind.PlusMinus, 1); break;
            case '*' when next == '*': Add(TokenKind.Caret, 2); break;
            case '*' or '×' or '·' or '⋅' or '∙' or '✕' or '•': Add(TokenKind.Star, 1); break;
            case '/' or '÷' or '∕' or '⁄': Add(TokenKind.Slash, 1); break;
            case '^': Add(TokenKind.Caret, 1); break;
            case '(' or '[' or '{': Add(TokenKind.Open, 1); break;
            case ')' or ']' or '}': Add(TokenKind.Close, 1); break;
            case ',': Add(TokenKind.Comma, 1); break;
            case ';': Add(TokenKind.Semicolon, 1); break;
            case '%': Add(TokenKind.Percent, 1); break;
            case '√': Add(TokenKind.Sqrt, 1); break;
            case '∛': AddRoot(3, 1); break;
            case '∜': AddRoot(4, 1); break;
            case '|': Add(TokenKind.Bar, 1); break;
            case '°': Add(TokenKind.Degree, 1); break;
            case '!' when next != '=': Add(TokenKind.Factorial, 1); break;
            case '∞': Add(TokenKind.Infinity, 1); break;
            case '=' when next == '=': AddRelation(RelationOperator.Equal, 2); break;
            case '=' or '≈': AddRelation(RelationOperator.Equal, 1); break;
            case '<' when next == '=': AddRelation(RelationOperator.LessOrEqual, 2); break;
            case '>' when next == '=': AddRelation(RelationOperator.GreaterOrEqual, 2); break;
            case '!' when next == '=': AddRelation(RelationOperator.NotEqual, 2); break;
            case '<': AddRelation(RelationOperator.Less, 1); break;
            case '>': AddRelation(RelationOperator.Greater, 1); break;
            case '≤' or '⩽': AddRelation(RelationOperator.LessOrEqual, 1); break;
            case '≥' or '⩾': AddRelation(RelationOperator.GreaterOrEqual, 1); break;
            case '≠': AddRelation(RelationOperator.NotEqual, 1); break;
            default:
                throw new MathEngineException(ErrorCodes.UnknownSymbol, $"Unknown symbol '{c}' at position {_pos + 1}.", _pos + 1);
        }
    }

    private void ReadNumber()
    {
        var start = _pos;
        var digits = 0;
        var seenDot = false;
        var places = 0;
        while (_pos < _end)
        {
            var c = _text[_pos];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                if (seenDot)
                {
                    places++;
                }
            }
            else if (c == '.' && !seenDot && _pos + 1 < _end && char.IsAsciiDigit(_text[_pos + 1]))
            {
                seenDot = true;
            }
            else
            {
                break;
            }

            if (digits > WorkMeter.CurrentLimits.MaxNumberDigits)
            {
                throw new MathEngineException(ErrorCodes.Digits, $"The number at position {start + 1} has more than {WorkMeter.CurrentLimits.MaxNumberDigits} digits.", start + 1);
            }

            _pos++;
        }

        var text = _text[start.._pos];
        if (TryReadRepeating(start, text, seenDot, places) || TryReadScientific(start, text))
        {
            return;
        }

        _tokens.Add(new Token(TokenKind.Number, start, _pos - start, text)
        {
            Value = Rational.ParseDecimal(text),
            Style = seenDot ? NumberStyle.Decimal : NumberStyle.Integer,
            DecimalPlaces = places,
            SpaceBefore = _space,
        });
        _space = false;
    }

    private void ReadWord()
    {
        var start = _pos;
        while (_pos < _end && (char.IsLetterOrDigit(_text[_pos]) && !VulgarFractions.ContainsKey(_text[_pos]) && !Superscripts.Contains(_text[_pos], StringComparison.Ordinal)))
        {
            _pos++;
        }

        var run = _text[start.._pos];
        var letters = run.TrimEnd("0123456789".ToCharArray());
        if (!_vocabulary.IsPermissive && letters.Length > 1 && Vocabulary.IsRecognisedButUnsupported(letters))
        {
            throw Vocabulary.Refuse(letters, start + 1);
        }

        var pieces = new List<Token>();
        var i = 0;
        while (i < run.Length)
        {
            var matched = false;
            foreach (var (word, kind, function) in Words)
            {
                if (string.Compare(run, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && (word.Length > 2 || i + word.Length == run.Length || kind == TokenKind.Function))
                {
                    pieces.Add(new Token(kind, start + i, word.Length, run.Substring(i, word.Length)) { Function = function });
                    i += word.Length;
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                continue;
            }

            if ((string.Compare(run, i, "pi", 0, 2, StringComparison.OrdinalIgnoreCase) == 0 && i + 2 == run.Length) || run[i] == 'π')
            {
                throw new MathEngineException(ErrorCodes.Unsupported, $"π is not supported yet (position {start + i + 1}).", start + i + 1) { Word = "π" };
            }

            // A letter keeps the digits written right after it: "x2" is a variable named x2.
            var j = i + 1;
            while (j < run.Length && char.IsAsciiDigit(run[j]))
            {
                j++;
            }

            if (!char.IsLetter(run[i]))
            {
                throw new MathEngineException(ErrorCodes.UnknownSymbol, $"Unknown symbol '{run[i]}' at position {start + i + 1}.", start + i + 1);
            }

            pieces.Add(new Token(TokenKind.Identifier, start + i, j - i, run[i..j]));
            i = j;
        }

        if (!_vocabulary.IsPermissive && !Understood(pieces))
        {
            throw Vocabulary.Refuse(letters, start + 1);
        }

        foreach (var piece in pieces)
        {
            _tokens.Add(piece with { SpaceBefore = _space });
            _space = false;
        }
    }

    /// <summary>
    /// Honesty rule (see <see cref="Vocabulary"/>): a run is one known word, one variable, or
    /// function names and variables the problem uses; never letters guessed out of an unknown word.
    /// </summary>
    private bool Understood(List<Token> pieces)
    {
        if (pieces.Count == 1)
        {
            return pieces[0].Kind != TokenKind.Identifier || Vocabulary.IsVariableLetter(pieces[0].Text[0]);
        }

        foreach (var piece in pieces)
        {
            var ok = piece.Kind switch
            {
                TokenKind.Function or TokenKind.Sqrt => true,
                TokenKind.Identifier => Vocabulary.IsVariableLetter(piece.Text[0]) && _vocabulary.MaySplit(piece.Text),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private void ReadSuperscript()
    {
        var start = _pos;
        _tokens.Add(new Token(TokenKind.Caret, start, 0, "^") { SpaceBefore = _space });
        _space = false;
        if (_text[_pos] == '⁻')
        {
            _tokens.Add(new Token(TokenKind.Minus, _pos, 1, "-"));
            _pos++;
        }

        var digitsStart = _pos;
        var value = 0L;
        while (_pos < _end && Superscripts.Contains(_text[_pos], StringComparison.Ordinal))
        {
            if (_pos - digitsStart >= 9)
            {
                throw new MathEngineException(ErrorCodes.Digits, $"The exponent at position {start + 1} is too long.", start + 1);
            }

            value = (value * 10) + Superscripts.IndexOf(_text[_pos], StringComparison.Ordinal);
            _pos++;
        }

        if (_pos == digitsStart)
        {
            throw new MathEngineException(ErrorCodes.UnexpectedToken, $"Expected a superscript digit at position {_pos + 1}.", _pos + 1);
        }

        _tokens.Add(new Token(TokenKind.Number, digitsStart, _pos - digitsStart, value.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Value = new Rational(value) });
    }

    private void ReadLatex()
    {
        var start = _pos;
        _pos++;
        if (_pos >= _end)
        {
            throw new MathEngineException(ErrorCodes.UnexpectedEnd, $"Expected a command after '\\' at position {start + 1}.", start + 1);
        }

        if (!char.IsAsciiLetter(_text[_pos]))
        {
            var symbol = _text[_pos];
            _pos++;
            switch (symbol)
            {
                case ',' or ';' or '!' or ' ' or ':':
                    return;
                case '{':
                    _tokens.Add(new Token(TokenKind.Open, start, 2, "{") { SpaceBefore = _space });
                    _space = false;
                    return;
                case '}':
                    _tokens.Add(new Token(TokenKind.Close, start, 2, "}") { SpaceBefore = _space });
                    _space = false;
                    return;
                default:
                    throw new MathEngineException(ErrorCodes.UnknownSymbol, $"Unknown LaTeX command '\\{symbol}' at position {start + 1}.", start + 1);
            }
        }

        while (_pos < _end && char.IsAsciiLetter(_text[_pos]))
        {
            _pos++;
        }

        var name = _text[(start + 1).._pos];
        var length = _pos - start;
        switch (name)
        {
            case "left" or "right" or "quad" or "qquad" or "displaystyle":
                // \left( is just "(": skip the sizing command, the bracket follows as its own token.
                if (_pos < _end && _text[_pos] == '.')
                {
                    _pos++;
                }

                return;
            case "frac" or "dfrac" or "tfrac":
                AddAt(TokenKind.Frac, start, length, "\\frac");
                return;
            case "sqrt" when _pos < _end && _text[_pos] == '[':
                ReadLatexRootIndex(start);
                return;
            case "sqrt":
                AddAt(TokenKind.Sqrt, start, length, "√");
                return;
            case "cdot" or "times" or "ast":
                AddAt(TokenKind.Star, start, length, "·");
                return;
            case "div":
                AddAt(TokenKind.Slash, start, length, "÷");
                return;
            case "pm":
                AddAt(TokenKind.PlusMinus, start, length, "±");
                return;
            case "infty":
                AddAt(TokenKind.Infinity, start, length, "∞");
                return;
            case "le" or "leq" or "leqslant":
                AddRelationAt(RelationOperator.LessOrEqual, start, length);
                return;
            case "ge" or "geq" or "geqslant":
                AddRelationAt(RelationOperator.GreaterOrEqual, start, length);
                return;
            case "lt":
                AddRelationAt(RelationOperator.Less, start, length);
                return;
            case "gt":
                AddRelationAt(RelationOperator.Greater, start, length);
                return;
            case "ne" or "neq":
                AddRelationAt(RelationOperator.NotEqual, start, length);
                return;
            case "approx":
                AddRelationAt(RelationOperator.Equal, start, length);
                return;
            case "sin" or "cos" or "tan" or "ln" or "exp" or "log":
                var function = Enum.Parse<FunctionName>(name, ignoreCase: true);
                _tokens.Add(new Token(TokenKind.Function, start, length, name) { Function = function, SpaceBefore = _space });
                _space = false;
                return;
            default:
                throw new MathEngineException(ErrorCodes.Unsupported, $"Unsupported LaTeX command '\\{name}' at position {start + 1}.", start + 1);
        }
    }

    /// <summary>
    /// Repeating decimals: 0.3̅ / 0.1̅4̅2̅8̅5̅7̅ (combining overline on the repeating digits) or
    /// 0.333… / 0.142857142857... (the shortest block the digits end with at least twice). Anything
    /// where the repeating block cannot be told is refused rather than cut off.
    /// </summary>
    private bool TryReadRepeating(int start, string text, bool seenDot, int places)
    {
        if (!seenDot)
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        string? repeating = null;
        var fixedDigits = text[(dot + 1)..];
        if (_pos < _end && IsOverline(_text[_pos]) && fixedDigits.Length > 0)
        {
            // Each overlined digit carries its own combining mark: 0.14̅2̅ repeats "42" after "1".
            var block = new System.Text.StringBuilder().Append(fixedDigits[^1]);
            fixedDigits = fixedDigits[..^1];
            _pos++;
            while (_pos + 1 < _end && char.IsAsciiDigit(_text[_pos]) && IsOverline(_text[_pos + 1]))
            {
                block.Append(_text[_pos]);
                _pos += 2;
            }

            repeating = block.ToString();
        }
        else if (_pos < _end && (_text[_pos] == '…' || (_pos + 2 < _end && _text[_pos] == '.' && _text[_pos + 1] == '.' && _text[_pos + 2] == '.')))
        {
            var period = 0;
            for (var p = 1; p <= places / 2 && period == 0; p++)
            {
                if (fixedDigits[^p..] == fixedDigits[^(2 * p)..^p])
                {
                    period = p;
                }
            }

            if (period == 0 && places >= 1 && places <= 2)
            {
                period = 1;
            }

            if (period == 0)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, $"Cannot tell which digits repeat in {text}… (position {start + 1}); write them twice or put a bar over them.", start + 1);
            }

            repeating = fixedDigits[^period..];
            fixedDigits = fixedDigits[..^period];
            while (fixedDigits.Length >= period && fixedDigits[^period..] == repeating)
            {
                fixedDigits = fixedDigits[..^period];
            }

            _pos += _text[_pos] == '…' ? 1 : 3;
        }

        if (repeating is null)
        {
            return false;
        }

        // 0.1(6) = 0.1 + 0.0(6): the repeating block r over k places after f fixed places is r / (10^f·(10^k − 1)).
        var whole = text[..dot];
        var fixedValue = Rational.ParseDecimal((whole.Length == 0 ? "0" : whole) + (fixedDigits.Length > 0 ? "." + fixedDigits : string.Empty));
        var denominator = System.Numerics.BigInteger.Pow(10, fixedDigits.Length) * (System.Numerics.BigInteger.Pow(10, repeating.Length) - 1);
        var value = fixedValue + new Rational(System.Numerics.BigInteger.Parse(repeating, System.Globalization.CultureInfo.InvariantCulture), denominator);
        _tokens.Add(new Token(TokenKind.Number, start, _pos - start, _text[start.._pos]) { Value = value, Style = NumberStyle.Fraction, SpaceBefore = _space });
        _space = false;
        return true;
    }

    private static bool IsOverline(char c) => c is '\u0305' or '\u0304';

    /// <summary>Scientific notation 1e3, 2.5E-4: an e right after the digits with a whole exponent and no letter after it.</summary>
    private bool TryReadScientific(int start, string text)
    {
        var match = Scientific().Match(_text, _pos, _end - _pos);
        if (!match.Success)
        {
            return false;
        }

        var exponent = int.Parse(match.Groups["e"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (System.Math.Abs(exponent) > WorkMeter.CurrentLimits.MaxNumberDigits)
        {
            throw new MathEngineException(ErrorCodes.Digits, $"The exponent at position {start + 1} is too large.", start + 1);
        }

        var scale = new Rational(System.Numerics.BigInteger.Pow(10, System.Math.Abs(exponent)));
        var value = Rational.ParseDecimal(text) * (exponent >= 0 ? scale : scale.Reciprocal());
        _pos += match.Length;
        _tokens.Add(new Token(TokenKind.Number, start, _pos - start, _text[start.._pos]) { Value = value, Style = value.IsInteger ? NumberStyle.Integer : NumberStyle.Fraction, SpaceBefore = _space });
        _space = false;
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G[eE](?<e>[+-]?[0-9]{1,4})(?![0-9A-Za-z^(])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Scientific();

    /// <summary>"cube root of 216", "the square root of 49", "4th root of 16", "fifth root of 32".</summary>
    private bool TryReadRootPhrase()
    {
        // Cheap gate first: every root phrase starts with t(he), s(quare), c(ube), f(ourth/ifth) or a digit.
        var c = char.ToLowerInvariant(_text[_pos]);
        if (c is not ('t' or 's' or 'c' or 'f') && (!char.IsAsciiDigit(c) || _pos + 2 >= _end || !char.IsAsciiLetter(_text[_pos + 1]) && !char.IsAsciiLetter(_text[_pos + 2])))
        {
            return false;
        }

        var match = RootPhrase().Match(_text, _pos, _end - _pos);
        if (!match.Success)
        {
            return false;
        }

        var degree = match.Groups["n"].Value.ToLowerInvariant() switch
        {
            "square" => 2,
            "cube" or "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            var ordinal => int.Parse(ordinal.AsSpan(0, ordinal.Length - 2), System.Globalization.CultureInfo.InvariantCulture),
        };
        if (degree is < 2 or > 64)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Roots of degree {degree} are not supported (position {_pos + 1}).", _pos + 1);
        }

        AddRoot(degree, match.Length);
        return true;
    }

    private void AddRoot(int degree, int length)
    {
        _tokens.Add(new Token(TokenKind.Root, _pos, length, _text.Substring(_pos, length)) { Value = new Rational(degree), SpaceBefore = _space });
        _space = false;
        _pos += length;
    }

    /// <summary>\sqrt[3]{x}: the index is a small whole number in square brackets.</summary>
    private void ReadLatexRootIndex(int start)
    {
        var close = _text.IndexOf(']', _pos, _end - _pos);
        var index = close < 0 ? string.Empty : _text[(_pos + 1)..close].Trim();
        if (close < 0 || !int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var degree) || degree is < 2 or > 64)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Expected a root index like \\sqrt[3]{{…}} at position {start + 1}.", start + 1);
        }

        _tokens.Add(new Token(TokenKind.Root, start, close + 1 - start, _text[start..(close + 1)]) { Value = new Rational(degree), SpaceBefore = _space });
        _space = false;
        _pos = close + 1;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G(?:the\s+)?(?<n>square|cube|third|fourth|fifth|[1-9][0-9]?(?:st|nd|rd|th))\s+root\s+of\b\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RootPhrase();

    /// <summary>"log_2", "log_{10}", "log₂": the base of the logarithm just read, kept on its token.</summary>
    private bool TryReadLogBase()
    {
        if (_tokens.Count == 0 || _tokens[^1] is not { Kind: TokenKind.Function, Function: FunctionName.Log, LogBase: null } log || _space)
        {
            return false;
        }

        var match = LogBasePattern().Match(_text, _pos, _end - _pos);
        if (!match.Success)
        {
            return false;
        }

        var digits = match.Groups["d"].Success ? match.Groups["d"].Value : string.Concat(match.Groups["s"].Value.Select(c => (char)('0' + (c - '₀'))));
        var value = Rational.ParseDecimal(digits);
        if (value.Sign <= 0 || value == Rational.One)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"A logarithm needs a positive base other than 1 (position {_pos + 1}).", _pos + 1);
        }

        _tokens[^1] = log with { LogBase = value, Length = log.Length + match.Length };
        _pos += match.Length;
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\G(?:_\s*(?:\{\s*(?<d>\d{1,6}(?:\.\d{1,6})?)\s*\}|(?<d>\d{1,6}(?:\.\d{1,6})?))|(?<s>[₀-₉]{1,6}))", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LogBasePattern();

    private void Add(TokenKind kind, int length, string? text = null)
    {
        AddAt(kind, _pos, length, text ?? _text.Substring(_pos, length));
        _pos += length;
    }

    private void AddAt(TokenKind kind, int position, int length, string text)
    {
        _tokens.Add(new Token(kind, position, length, text) { SpaceBefore = _space });
        _space = false;
    }

    private void AddRelation(RelationOperator op, int length)
    {
        AddRelationAt(op, _pos, length);
        _pos += length;
    }

    private void AddRelationAt(RelationOperator op, int position, int length)
    {
        _tokens.Add(new Token(TokenKind.Relation, position, length, Statement.RelationText(op)) { Relation = op, SpaceBefore = _space });
        _space = false;
    }
}
