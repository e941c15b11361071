using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>
/// Compiles rule patterns so that no pack, built-in or custom, can hang the engine: the non-backtracking engine
/// runs in time linear in the text. There is no match timeout: a timeout would make the findings depend on the
/// machine's load (a busy machine would drop a rule's findings from a block, silently, and an audit would miss
/// them), and the linear engine needs none.
/// </summary>
public static class PatternCompiler
{
    // Building a non-backtracking regex is costly (its character sets are computed up front), and the loader compiles
    // each pattern to validate it before the detector compiles it again: sharing the instance halves start-up work.
    // Regex instances are immutable and thread-safe, so sharing them is safe.
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>Compiles <paramref name="pattern"/>; case is ignored.</summary>
    /// <exception cref="ArgumentException">The pattern is invalid or needs backtracking (lookarounds, backreferences).</exception>
    public static Regex Compile(string pattern)
    {
        if (Compiled.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Regex.InfiniteMatchTimeout);

        // Custom packs are few and small, but a server that reloads them must not grow without bound.
        if (Compiled.Count < 4096)
        {
            Compiled.TryAdd(pattern, regex);
        }

        return regex;
    }

    /// <summary>
    /// A character that every match of <paramref name="pattern"/> contains, or null when none can be proved: an ASCII
    /// punctuation mark written as a literal and not made optional (the "@" of an e-mail pattern). A text without that
    /// character cannot match, so detectors skip such blocks without running the regex. The analysis is conservative:
    /// anything it does not understand gives null.
    /// </summary>
    public static char? RequiredCharacter(string pattern) =>
        RequiredCharacterReader.Of(pattern) is [var only] ? only : null;

    /// <summary>
    /// Punctuation marks of which every match of <paramref name="pattern"/> contains at least one ("!" or "?" for a
    /// pattern of expressive punctuation), or null when none can be proved. Conservative, like <see cref="RequiredCharacter"/>.
    /// </summary>
    public static string? RequiredCharacters(string pattern) => RequiredCharacterReader.Of(pattern);

    /// <summary>
    /// The length of a run of consecutive digits every match of <paramref name="pattern"/> contains (9 for an INE
    /// number), or 0 when none can be proved. A text without so long a run cannot match. Conservative, like
    /// <see cref="RequiredCharacter"/>.
    /// </summary>
    public static int RequiredDigitRun(string pattern) => RequiredCharacterReader.DigitRunOf(pattern);

    /// <summary>
    /// True when every match of <paramref name="pattern"/> holds a letter right before a digit (an IBAN's "FR76"); a
    /// text without one cannot match. Conservative, like <see cref="RequiredCharacter"/>.
    /// </summary>
    public static bool NeedsLetterBeforeDigit(string pattern) => RequiredCharacterReader.NeedsLetterBeforeDigit(pattern);
}
