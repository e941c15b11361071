using System.Text.RegularExpressions;

namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>
/// Compiles rule patterns so that no pack, built-in or custom, can hang the engine: the non-backtracking engine
/// runs in time linear in the text, and a timeout stands behind it as a second guard.
/// </summary>
public static class PatternCompiler
{
    /// <summary>The most time one pattern may take on one block of text.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Compiles <paramref name="pattern"/>; case is ignored.</summary>
    /// <exception cref="ArgumentException">The pattern is invalid or needs backtracking (lookarounds, backreferences).</exception>
    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);
}
