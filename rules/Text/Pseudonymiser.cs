using System.Text;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Text;

/// <summary>
/// Finds every occurrence of a person's name in a text (word-bounded, case-insensitive, accents folded) and builds
/// its replacement: initials (Théo Martin → T. M.) or a role the user chose.
/// </summary>
public static class Pseudonymiser
{
    /// <summary>The spans of <paramref name="name"/> in <paramref name="text"/>, in order, without overlaps.</summary>
    public static IReadOnlyList<TextSpan> FindOccurrences(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var needle = FoldedText.Fold(name ?? "").Trim();
        if (needle.Length == 0)
        {
            return [];
        }

        var folded = FoldedText.Create(text);
        var haystack = folded.Value;
        var spans = new List<TextSpan>();
        var from = 0;
        while (from <= haystack.Length - needle.Length)
        {
            var at = haystack.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var end = at + needle.Length;
            if (IsBoundary(haystack, at - 1) && IsBoundary(haystack, end))
            {
                spans.Add(folded.ToOriginal(at, end));
                from = end;
            }
            else
            {
                from = at + 1;
            }
        }

        return spans;
    }

    /// <summary>
    /// The initials of a name: "Théo Martin" → "T. M.", "Jean-Pierre" → "J.-P.": the first letter of each part, in
    /// capitals, parts being separated by any white space and by hyphens. The client shows the same initials before
    /// it asks; both follow tests/contract/initials.tsv.
    /// </summary>
    public static string Initials(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var result = new StringBuilder();
        foreach (var word in words)
        {
            if (result.Length > 0)
            {
                result.Append(' ');
            }

            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            result.AppendJoin("-", parts.Select(p => char.ToUpperInvariant(FirstLetter(p)) + "."));
        }

        return result.ToString();
    }

    private static char FirstLetter(string part)
    {
        foreach (var c in part)
        {
            if (char.IsLetter(c))
            {
                return c;
            }
        }

        return part[0];
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
