using System.Text;

namespace Cnaemo.NoteLsp.Rules.Matching;

/// <summary>
/// Expands the inflection shorthand of the rule packs. Braces list alternative endings, so
/// <c>agressi{f,ve,fs,ves}</c> gives four forms and <c>violent{,e,s,es}</c> gives "violent", "violente",
/// "violents" and "violentes". Several groups multiply: <c>sclérose{,s} en plaque{,s}</c>.
/// A trailing <c>*</c> on a word matches any word that starts with it.
/// </summary>
public static class TermExpander
{
    /// <summary>Every form the pattern stands for, in order, without duplicates.</summary>
    /// <exception cref="FormatException">The braces are unbalanced or nested.</exception>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        // Most terms have no braces: one form, built without the general machinery (start-up cost matters).
        if (pattern.AsSpan().IndexOfAny('{', '}') < 0)
        {
            var single = Collapse(pattern);
            return single.Length > 0 ? [single] : [];
        }

        var results = new List<string> { "" };
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '{')
            {
                var close = pattern.IndexOf('}', i + 1);
                if (close < 0 || pattern.IndexOf('{', i + 1, close - i - 1) >= 0)
                {
                    throw new FormatException($"unbalanced or nested braces in \"{pattern}\"");
                }

                var alternatives = pattern[(i + 1)..close].Split(',');
                results = [.. results.SelectMany(prefix => alternatives.Select(a => prefix + a.Trim()))];
                i = close + 1;
            }
            else if (c == '}')
            {
                throw new FormatException($"unbalanced braces in \"{pattern}\"");
            }
            else
            {
                var next = pattern.IndexOfAny(['{', '}'], i);
                var literal = next < 0 ? pattern[i..] : pattern[i..next];
                results = [.. results.Select(prefix => prefix + literal)];
                i = next < 0 ? pattern.Length : next;
            }
        }

        return results.Select(Collapse).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Collapse(string form)
    {
        if (form.Length > 0 && form[0] != ' ' && form[^1] != ' ' && !form.Contains("  ", StringComparison.Ordinal))
        {
            return form;
        }

        var builder = new StringBuilder(form.Length);
        foreach (var part in form.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
