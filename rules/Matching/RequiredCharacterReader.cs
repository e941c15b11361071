namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>
/// Reads a pattern to find a small set of punctuation marks of which every match contains at least one: "@" for an
/// e-mail, "!" or "?" for <c>[!?]*![!?]*|\?\?+</c>. A text that holds none of them cannot match, so detectors skip it
/// without running the regex. The reading is conservative: whatever it does not understand (classes, letters, which
/// ignore-case could widen, escapes such as \d or \x21, inline options, lookarounds) proves nothing and gives null.
/// </summary>
/// <remarks>
/// The grammar read is a sequence of atoms, each perhaps followed by a quantifier; a group holds alternatives. An atom
/// made optional by its quantifier (?, *, {0…}, {,…}) requires nothing. A sequence requires what any one of its atoms
/// requires (the smallest such set is kept); an alternation requires the union of what each alternative requires,
/// and nothing as soon as one alternative requires nothing.
/// </remarks>
internal sealed class RequiredCharacterReader
{
    private readonly string _pattern;
    private int _at;
    private bool _unsupported;

    private RequiredCharacterReader(string pattern) => _pattern = pattern;

    /// <summary>The marks, in a string, of which every match of <paramref name="pattern"/> contains one; or null.</summary>
    public static string? Of(string pattern)
    {
        var reader = new RequiredCharacterReader(pattern);
        var set = reader.Alternation(out _, out _);
        if (reader._unsupported || reader._at != pattern.Length || set is null)
        {
            return null;
        }

        return new string([.. set.Order()]);
    }

    /// <summary>
    /// The length of a run of consecutive digits (what <c>\d</c> matches: <see cref="char.IsDigit(char)"/>) that every
    /// match of <paramref name="pattern"/> contains: 9 for <c>\d{9}[a-z]{2}</c>; 0 when none can be proved.
    /// </summary>
    public static int DigitRunOf(string pattern)
    {
        var reader = new RequiredCharacterReader(pattern);
        reader.Alternation(out var digitRun, out _);
        return reader._unsupported || reader._at != pattern.Length ? 0 : digitRun;
    }

    /// <summary>
    /// True when every match of <paramref name="pattern"/> holds a letter immediately followed by a digit, as the
    /// <c>[a-z]{2}\d{2}</c> that begins an IBAN; false when that cannot be proved. Only classes of letters and literal
    /// letters count as letters (ignoring case, they match nothing but letters).
    /// </summary>
    public static bool NeedsLetterBeforeDigit(string pattern)
    {
        var reader = new RequiredCharacterReader(pattern);
        reader.Alternation(out _, out var letterDigit);
        return !reader._unsupported && reader._at == pattern.Length && letterDigit;
    }

    private enum AtomKind
    {
        Other,
        Letter,
        Digit,
    }

    // Alternatives up to the closing parenthesis or the end of the pattern.
    // The digit run of an alternation is the shortest of its alternatives'.
    private SortedSet<char>? Alternation(out int digitRun, out bool letterDigit)
    {
        var union = new SortedSet<char>();
        var everyAlternativeRequires = true;
        digitRun = int.MaxValue;
        letterDigit = true;
        while (true)
        {
            var alternative = Sequence(out var run, out var adjacent);
            digitRun = Math.Min(digitRun, run);
            letterDigit &= adjacent;
            if (alternative is null)
            {
                everyAlternativeRequires = false;
            }
            else
            {
                union.UnionWith(alternative);
            }

            if (_at < _pattern.Length && _pattern[_at] == '|')
            {
                _at++;
                continue;
            }

            return everyAlternativeRequires ? union : null;
        }
    }

    // The digit run of a sequence is the longest its atoms require: \d repeated n times at least requires n, a group
    // what its alternatives require, anything made optional nothing. Adjacent runs are not added up.
    // A letter is adjacent to a digit when a letter atom that must occur is directly followed by a \d that must occur.
    private SortedSet<char>? Sequence(out int digitRun, out bool letterDigit)
    {
        SortedSet<char>? best = null;
        digitRun = 0;
        letterDigit = false;
        var previous = AtomKind.Other;
        while (_at < _pattern.Length && _pattern[_at] is not ('|' or ')') && !_unsupported)
        {
            var atom = Atom(out var run, out var kind, out var innerLetterDigit);
            var isDigit = kind == AtomKind.Digit;
            if (SkipQuantifier(out var minimum))
            {
                atom = null;
            }

            run = minimum == 0 ? 0 : isDigit ? Math.Min(minimum, 1000) : run;
            digitRun = Math.Max(digitRun, run);
            letterDigit |= minimum > 0 && (innerLetterDigit || (previous == AtomKind.Letter && isDigit));
            previous = minimum > 0 ? kind : AtomKind.Other;

            if (atom is not null && (best is null || atom.Count < best.Count))
            {
                best = atom;
            }
        }

        return best;
    }

    // One atom; returns the marks it requires, or null. Sets _unsupported for constructs the reading refuses.
    private SortedSet<char>? Atom(out int digitRun, out AtomKind kind, out bool letterDigit)
    {
        digitRun = 0;
        kind = AtomKind.Other;
        letterDigit = false;
        var c = _pattern[_at];
        switch (c)
        {
            case '(':
                // Only plain and non-capturing groups are read; inline options, lookarounds and named groups are not.
                if (_at + 1 < _pattern.Length && _pattern[_at + 1] == '?')
                {
                    if (_at + 2 >= _pattern.Length || _pattern[_at + 2] != ':')
                    {
                        _unsupported = true;
                        return null;
                    }

                    _at += 3;
                }
                else
                {
                    _at++;
                }

                var inner = Alternation(out digitRun, out letterDigit);
                if (_at >= _pattern.Length || _pattern[_at] != ')')
                {
                    _unsupported = true;
                    return null;
                }

                _at++;
                return inner;
            case '[':
                var close = ClassEnd(_at);
                if (close < 0)
                {
                    _unsupported = true;
                    return null;
                }

                kind = IsLetterClass(_pattern.AsSpan(_at + 1, close - _at - 2)) ? AtomKind.Letter : AtomKind.Other;
                _at = close;
                return null;
            case '\\':
                if (_at + 1 >= _pattern.Length)
                {
                    _unsupported = true;
                    return null;
                }

                var escaped = _pattern[_at + 1];
                if (escaped == 'd')
                {
                    // \d: one digit. Its quantifier says how many in a row.
                    _at += 2;
                    kind = AtomKind.Digit;
                    digitRun = 1;
                    return null;
                }

                if (char.IsAsciiLetterOrDigit(escaped) || escaped > 0x7F)
                {
                    // \d, \b, \p{..}, \x21, \u0041, back-references: classes, anchors or code points this reading does
                    // not decode. Their arguments ({..}, digits) read as atoms that require nothing.
                    _at += 2;
                    return null;
                }

                _at += 2;
                return [escaped];
            default:
                _at++;
                kind = char.IsAsciiLetter(c) ? AtomKind.Letter : AtomKind.Other;
                return IsPlainPunctuation(c) ? [c] : null;
        }
    }

    // Skips a quantifier after an atom, and the "?" that makes it lazy. True when it allows zero repetitions;
    // minimum is the least number of repetitions (1 without a quantifier).
    private bool SkipQuantifier(out int minimum)
    {
        minimum = 1;
        if (_at >= _pattern.Length)
        {
            return false;
        }

        var optional = false;
        switch (_pattern[_at])
        {
            case '?' or '*':
                optional = true;
                minimum = 0;
                _at++;
                break;
            case '+':
                _at++;
                break;
            case '{':
                var close = _pattern.IndexOf('}', _at);
                if (close < 0)
                {
                    _unsupported = true;
                    minimum = 0;
                    return true;
                }

                // {0}, {0,n}, {,n}: zero repetitions allowed. Anything else inside braces that is not a count is refused.
                var body = _pattern.AsSpan(_at + 1, close - _at - 1);
                if (body.IsEmpty || body.ContainsAnyExcept("0123456789,"))
                {
                    _unsupported = true;
                    minimum = 0;
                    return true;
                }

                optional = body[0] is '0' or ',';
                var count = body.IndexOf(',') is var comma and >= 0 ? body[..comma] : body;
                minimum = optional || count.Length > 6 ? 0 : int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
                _at = close + 1;
                break;
            default:
                return false;
        }

        if (_at < _pattern.Length && _pattern[_at] == '?')
        {
            _at++;
        }

        return optional;
    }

    // A class that lists only letters and ranges of ASCII letters of one case, such as [a-z] or [a-zàâç]: ignoring case,
    // it matches letters only. Negated classes, escapes and anything else are not.
    private static bool IsLetterClass(ReadOnlySpan<char> members)
    {
        if (members.IsEmpty || members[0] == '^')
        {
            return false;
        }

        for (var i = 0; i < members.Length; i++)
        {
            if (i + 2 < members.Length && members[i + 1] == '-')
            {
                var (low, high) = (members[i], members[i + 2]);
                if (!(char.IsAsciiLetterLower(low) && char.IsAsciiLetterLower(high) || char.IsAsciiLetterUpper(low) && char.IsAsciiLetterUpper(high)) || low > high)
                {
                    return false;
                }

                i += 2;
                continue;
            }

            if (!char.IsLetter(members[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlainPunctuation(char c) =>
        c < 0x80 && !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c)
        && c is not ('.' or '^' or '$' or '*' or '+' or '?' or '{' or '}' or '|' or '#' or '(' or ')' or '[' or ']' or '\\');

    // The index just past the character class that starts at i, or -1 when it does not close.
    private int ClassEnd(int i)
    {
        var j = i + 1;
        if (j < _pattern.Length && _pattern[j] == '^')
        {
            j++;
        }

        if (j < _pattern.Length && _pattern[j] == ']')
        {
            j++;
        }

        while (j < _pattern.Length)
        {
            if (_pattern[j] == '\\')
            {
                j += 2;
                continue;
            }

            if (_pattern[j] == ']')
            {
                return j + 1;
            }

            j++;
        }

        return -1;
    }
}
