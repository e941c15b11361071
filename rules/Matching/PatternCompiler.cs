using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>
/// Compiles rule patterns so that no pack, built-in or custom, can hang the engine: the non-backtracking engine
/// runs in time linear in the text, and a timeout stands behind it as a second guard.
/// </summary>
public static class PatternCompiler
{
    // Building a non-backtracking regex is costly (its character sets are computed up front), and the loader compiles
    // each pattern to validate it before the detector compiles it again: sharing the instance halves start-up work.
    // Regex instances are immutable and thread-safe, so sharing them is safe.
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>The most time one pattern may take on one block of text.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Compiles <paramref name="pattern"/>; case is ignored.</summary>
    /// <exception cref="ArgumentException">The pattern is invalid or needs backtracking (lookarounds, backreferences).</exception>
    public static Regex Compile(string pattern)
    {
        if (Compiled.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);

        // Custom packs are few and small, but a server that reloads them must not grow without bound.
        if (Compiled.Count < 4096)
        {
            Compiled.TryAdd(pattern, regex);
        }

        return regex;
    }

    /// <summary>
    /// A character that every match of <paramref name="pattern"/> contains, or null when none can be proved: an ASCII
    /// punctuation mark written as a literal at the top level of the pattern and not made optional (the "@" of an
    /// e-mail pattern). A text without that character cannot match, so detectors skip such blocks without running the
    /// regex. The analysis is conservative: anything it does not understand gives null.
    /// </summary>
    public static char? RequiredCharacter(string pattern)
    {
        var depth = 0;
        var i = 0;
        char? found = null;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            char? literal = null;
            switch (c)
            {
                case '(':
                    // Inline options such as (?x) could change how the rest reads: give up.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?' && (i + 2 >= pattern.Length || pattern[i + 2] != ':'))
                    {
                        return null;
                    }

                    depth++;
                    i++;
                    continue;
                case ')':
                    depth--;
                    i++;
                    continue;
                case '|' when depth == 0:
                    return null;
                case '{':
                    // A quantifier such as {2,7}: its digits and comma are not literals.
                    var close = pattern.IndexOf('}', i);
                    if (close < 0)
                    {
                        return null;
                    }

                    i = close + 1;
                    continue;
                case '[':
                    i = SkipClass(pattern, i);
                    if (i < 0)
                    {
                        return null;
                    }

                    continue;
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return null;
                    }

                    var escaped = pattern[i + 1];
                    if (char.IsAsciiLetterOrDigit(escaped) || escaped > 0x7F)
                    {
                        // \d, \b, \p{..}, \u0041, back-references: classes, anchors or code points, not a plain literal.
                        i += 2;
                        continue;
                    }

                    literal = escaped;
                    i += 2;
                    break;
                default:
                    literal = IsPlainPunctuation(c) ? c : null;
                    i++;
                    break;
            }

            if (literal is { } required && depth == 0 && !IsOptional(pattern, i) && found is null)
            {
                found = required;
            }
        }

        return depth == 0 ? found : null;
    }

    private static bool IsPlainPunctuation(char c) =>
        c < 0x80 && !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c)
        && c is not ('.' or '^' or '$' or '*' or '+' or '?' or '{' or '}' or '|' or '#');

    // True when a quantifier that allows zero repetitions follows position i: ?, *, {0 or {,.
    private static bool IsOptional(string pattern, int i)
    {
        if (i >= pattern.Length)
        {
            return false;
        }

        return pattern[i] switch
        {
            '?' or '*' => true,
            '{' => i + 1 < pattern.Length && pattern[i + 1] is '0' or ',',
            _ => false,
        };
    }

    // Returns the index just past the character class that starts at i, or -1 when it does not close.
    private static int SkipClass(string pattern, int i)
    {
        var j = i + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            j++;
        }

        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }

        while (j < pattern.Length)
        {
            if (pattern[j] == '\\')
            {
                j += 2;
                continue;
            }

            if (pattern[j] == ']')
            {
                return j + 1;
            }

            j++;
        }

        return -1;
    }
}
