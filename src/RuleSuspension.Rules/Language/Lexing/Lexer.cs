using System.Globalization;

namespace RuleSuspension.Rules.Language.Lexing;

/// <summary>Turns expression text into tokens, tracking line and column for every token.</summary>
internal sealed class Lexer
{
    private readonly string _source;
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string source) => _source = source;

    public static List<Token> Tokenize(string source)
    {
        if (source.Length > RuleLimits.MaxExpressionLength)
            throw new RuleSyntaxException(
                $"the expression is {source.Length:N0} characters long; at most {RuleLimits.MaxExpressionLength:N0} are allowed",
                PositionAt(source, RuleLimits.MaxExpressionLength));
        var lexer = new Lexer(source);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        } while (token.Kind != TokenKind.End);
        return tokens;
    }

    /// <summary>The line and column of an offset.</summary>
    public static SourcePosition PositionAt(string source, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < source.Length; i++)
            if (source[i] == '\n') { line++; lineStart = i + 1; }
        return new SourcePosition(offset, line, offset - lineStart + 1);
    }

    private SourcePosition Position => new(_offset, _line, _offset - _lineStart + 1);

    private char Peek(int ahead = 0) => _offset + ahead < _source.Length ? _source[_offset + ahead] : '\0';

    private Token Next()
    {
        SkipWhitespace();
        var start = Position;
        if (_offset >= _source.Length) return new Token(TokenKind.End, "", start, _offset);
        var c = _source[_offset];
        if (char.IsAsciiDigit(c)) return Number(start);
        if (c is '\'' or '"') return String(start, c);
        if (char.IsAsciiLetter(c) || c == '_') return Word(start);
        return Punctuation(start, c);
    }

    private void SkipWhitespace()
    {
        while (_offset < _source.Length)
        {
            var c = _source[_offset];
            if (c == '\n') { _offset++; _line++; _lineStart = _offset; }
            else if (char.IsWhiteSpace(c)) _offset++;
            else break;
        }
    }

    private Token Number(SourcePosition start)
    {
        // A date literal is exactly dddd-dd-dd; anything else starting with digits is a number or duration.
        if (IsDateAhead())
        {
            var text = _source.Substring(_offset, 10);
            _offset += 10;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new RuleSyntaxException($"'{text}' is not a valid date", start);
            return new Token(TokenKind.Date, text, start, _offset, date);
        }
        while (char.IsAsciiDigit(Peek())) _offset++;
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _offset++;
            while (char.IsAsciiDigit(Peek())) _offset++;
        }
        var number = _source[start.Offset.._offset];
        if (char.IsAsciiLetter(Peek()) || Peek() == '_')
        {
            var unitStart = _offset;
            while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_') _offset++;
            var unit = _source[unitStart.._offset];
            var ticksPerUnit = unit switch
            {
                "d" => TimeSpan.TicksPerDay,
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                _ => 0L,
            };
            if (ticksPerUnit == 0)
                throw new RuleSyntaxException($"unknown duration unit '{unit}' (expected d, h, m or s)", new SourcePosition(unitStart, start.Line, start.Column + (unitStart - start.Offset)));
            // A duration is at most TimeSpan.MaxValue (about 10.6 million days); a larger literal is refused when saved.
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount > TimeSpan.MaxValue.Ticks / (decimal)ticksPerUnit)
                throw new RuleSyntaxException($"duration '{_source[start.Offset.._offset]}' is out of range (at most {TimeSpan.MaxValue.Days:N0}d)", start);
            var duration = new TimeSpan((long)decimal.Round(amount * ticksPerUnit));
            return new Token(TokenKind.Duration, _source[start.Offset.._offset], start, _offset, duration);
        }
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new RuleSyntaxException($"number '{number}' is out of range", start);
        return new Token(TokenKind.Number, number, start, _offset, value);
    }

    private bool IsDateAhead()
    {
        if (_offset + 10 > _source.Length) return false;
        for (var i = 0; i < 10; i++)
        {
            var c = _source[_offset + i];
            var ok = i is 4 or 7 ? c == '-' : char.IsAsciiDigit(c);
            if (!ok) return false;
        }
        var after = _offset + 10 < _source.Length ? _source[_offset + 10] : ' ';
        return !char.IsAsciiLetterOrDigit(after) && after != '_';
    }

    private Token String(SourcePosition start, char quote)
    {
        _offset++;
        var text = new System.Text.StringBuilder();
        while (true)
        {
            if (_offset >= _source.Length || _source[_offset] == '\n')
                throw new RuleSyntaxException($"unterminated string: expected closing {quote} but found {(_offset >= _source.Length ? "end of expression" : "end of line")}", start);
            var c = _source[_offset++];
            if (c == quote) break;
            if (c == '\\')
            {
                var escaped = Peek();
                _offset++;
                text.Append(escaped switch
                {
                    'n' => '\n',
                    't' => '\t',
                    '\\' or '\'' or '"' => escaped,
                    _ => throw new RuleSyntaxException($"unknown escape '\\{escaped}'", new SourcePosition(_offset - 2, _line, _offset - 2 - _lineStart + 1)),
                });
                continue;
            }
            text.Append(c);
        }
        return new Token(TokenKind.String, _source[start.Offset.._offset], start, _offset, text.ToString());
    }

    private Token Word(SourcePosition start)
    {
        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_') _offset++;
        var word = _source[start.Offset.._offset];
        var kind = word switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "in" => TokenKind.In,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, word, start, _offset);
    }

    private Token Punctuation(SourcePosition start, char c)
    {
        var next = Peek(1);
        (TokenKind kind, int length) = (c, next) switch
        {
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('=', '>') => (TokenKind.Arrow, 2),
            ('!', '=') => (TokenKind.BangEqual, 2),
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('&', '&') => (TokenKind.AmpAmp, 2),
            ('|', '|') => (TokenKind.PipePipe, 2),
            ('?', '?') => (TokenKind.QuestionQuestion, 2),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Bang, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('=', _) => throw new RuleSyntaxException("unexpected '=': use '==' to compare", start),
            _ => throw new RuleSyntaxException($"unexpected character '{c}'", start),
        };
        _offset += length;
        return new Token(kind, _source.Substring(start.Offset, length), start, _offset);
    }
}
