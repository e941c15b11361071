using Cnaemo.NoteLsp.Rules.Model;
using System.Text;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// The frame around a flagged construction, which decides whether a rewrite fits: "c'est", "traiter X de", a
/// comparison, a second attribute sharing the copula, text in capitals.
/// </summary>
public static partial class DignityRewriter
{
    private static readonly HashSet<string> Demonstratives = new(StringComparer.Ordinal) { "c'", "c", "ce", "cela", "ca", "ceci" };

    // After these words a noun stands in a frame that a person-first rewrite would break: "traiter X de salope"
    // ("de personne qui…"), "vivre comme des animaux". No rewrite is better than a wrong one there.
    private static readonly HashSet<string> FramingWords = new(StringComparer.Ordinal) { "de", "d'", "comme", "en", "des", "du" };

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "m", "mme", "mmes", "mlle", "mlles", "mr", "dr", "pr", "me", "monsieur", "madame", "mademoiselle",
    };

    /// <summary>False when the flagged noun stands where a person-first rewrite cannot go.</summary>
    private static bool FitsItsFrame(AnalysisContext context, DignityMatch match)
    {
        // "L'enfant est autiste et scolarisé en ULIS": a second attribute shares the copula the rewrite takes away.
        if (match.Place is RewritePlace.Clause or RewritePlace.Predicate && match.Span.End + 1 < context.TokenCount
            && context.TokenText(match.Span.End) is "et" or "ou" or "mais" && LooksLikeAnAttribute(context.OriginalText(match.Span.End + 1, match.Span.End + 2)))
        {
            return false;
        }

        // "Était-elle peut-être opposante pour attirer l'attention ?": a question or an adverb of doubt inside the span
        // makes a hypothesis, which a rewrite describing observed facts would turn into a statement.
        if (IsAHypothesis(context, match))
        {
            return false;
        }

        // "Elle est immature pour son âge": "pour" and a noun measure the adjective, and would measure nothing once
        // the adjective is replaced ("elle a [décrire les faits observés] pour son âge").
        if (match.Span.End + 1 < context.TokenCount && context.TokenText(match.Span.End) is "pour"
            && context.TokenText(match.Span.End + 1) is "son" or "sa" or "ses" or "leur" or "leurs" or "un" or "une" or "le" or "la" or "les" or "l'" or "cet" or "cette" or "ce")
        {
            return false;
        }

        if (match.Place != RewritePlace.Noun)
        {
            return true;
        }

        if (match.Determiner.IsSome && context.TokenText(match.Determiner.First) is "de" or "d'" or "des" or "du")
        {
            return false;
        }

        // "vit comme des animaux": a comparison has no noun a person-first rewrite could replace.
        if (context.TokenText(match.Span.First) is "comme" || match.Span.First > 0 && context.TokenText(match.Span.First - 1) is "comme")
        {
            return false;
        }

        if (match.Words[0].Entry.Kind == LexiconKind.Label && !match.Determiner.IsSome)
        {
            return false;
        }

        // Without a determiner, "personne qui a …" replaces the noun only where the noun is the whole comment
        // ("Fegnasse.", "Motif : feignasse."); beside other words of its noun phrase it leaves them stranded ("Gros
        // personne qui a …", "Mère personne qui a …", "Personne qui a … de gamin").
        if (!match.Determiner.IsSome && !StandsAlone(context.Text, context.OriginalSpan(match.Span.First, match.Span.End)))
        {
            return false;
        }

        // Without an article of its own, a noun after "de" or "en" takes its frame from the verb before it.
        return match.Determiner.IsSome || match.Span.First == 0 || !FramingWords.Contains(context.TokenText(match.Span.First - 1).ToString());
    }

    private static bool IsAHypothesis(AnalysisContext context, DignityMatch match)
    {
        for (var i = match.Span.First; i < match.Words[0].First; i++)
        {
            // "peut-être" with its hyphen is the adverb; "peut être agressive" is the modal verb.
            var doubt = context.TokenText(i) is "peut" && i + 1 < match.Words[0].First
                && context.Text[context.OriginalSpan(i, i + 1).End] is '-';
            if (doubt || context.TokenText(i) is "probablement" or "surement" or "apparemment" or "vraisemblablement" or "possiblement"
                || context.TokenText(i) is "sans" && i + 1 < context.TokenCount && context.TokenText(i + 1) is "doute")
            {
                return true;
            }
        }

        var end = match.Span.End;
        while (end < context.TokenCount && context.TokenText(end) is not ("." or "!" or "?" or ";" or "\n"))
        {
            end++;
        }

        return end < context.TokenCount && context.TokenText(end) is "?";
    }

    /// <summary>
    /// True when the span is the whole comment: nothing before it but the start of a line or sentence, a bullet or
    /// a field name and its colon, and nothing after it but the final punctuation.
    /// </summary>
    public static bool StandsAlone(string text, TextSpan span)
    {
        var i = span.Start;
        while (i > 0 && text[i - 1] is ' ' or '\u00A0')
        {
            i--;
        }

        var opens = i == 0 || text[i - 1] is '\n' or '\r' or '\t' or ':' or '-' or '*' or '\u2022' or '.' or '!' or '?' or '\u2026';
        var j = span.End;
        while (j < text.Length && text[j] is ' ' or '\u00A0')
        {
            j++;
        }

        return opens && (j == text.Length || text[j] is '\n' or '\r' or '.' or '!' or '?' or '\u2026' or ';');
    }

    /// <summary>
    /// "Mme X peut parfois être agressive": the copula is an infinitive under a modal verb, which says what may
    /// happen. A rewrite that dates one event ("peut parfois avoir eu un comportement agressif le [date]") or counts
    /// repeated ones would change the statement; only a text that keeps a disposition fits, with "avoir" in the
    /// infinitive ("peut parfois avoir un comportement agressif ([décrire les faits…])").
    /// </summary>
    private static bool KeepsItsModality(DignityMatch match, string text) =>
        match.Copula?.Tense is not Tense.Infinitif || text.Contains("{avoir:imparfait}", StringComparison.Ordinal);

    /// <summary>
    /// "des centaines de jeunes difficiles": an indefinite group shares no single dated event, so a text with
    /// "le [date]" does not fit it; the text with a context and a frequency does.
    /// </summary>
    private static bool DatesAGroup(AnalysisContext context, DignityMatch match, string text)
    {
        if (!text.Contains("le [date]", StringComparison.Ordinal) || !match.Noun.IsSome)
        {
            return false;
        }

        var first = context.TokenText(match.Noun.First);
        var before = match.Noun.First > 0 ? context.TokenText(match.Noun.First - 1) : "";
        return first is "des" or "de" or "d'" || before is "de" or "d'" or "des"
            || match.Noun.End - match.Noun.First == 1 && context.TokenAt(match.Noun.First).Kind == TokenKind.Number;
    }

    // An adjective or a past participle by its ending, read on the original text since folding drops the accent of
    // "scolarisé". A finite verb ("et prend", "et ne cherche") does not end so, and keeps the rewrite.
    private static readonly string[] AttributeEndings = ["é", "ée", "és", "ées", "if", "ive", "ifs", "ives", "eux", "euse", "euses", "ible", "ibles", "able", "ables"];

    private static bool LooksLikeAnAttribute(string original) =>
        original.Length > 3 && AttributeEndings.Any(ending => original.EndsWith(ending, StringComparison.OrdinalIgnoreCase));

    // Verbs that report a word someone used of a person: "traiter de", "qualifier de", "insulter de".
    private static readonly string[] ReportingStems = ["trait", "qualifi", "insult", "injuri"];

    private static bool IsAWordReported(AnalysisContext context, DignityMatch match, out int wordStart)
    {
        // The "de" is the match's own determiner ("de salope") or the word before it ("de sale gamin").
        wordStart = match.Span.First;
        var de = match.Span.First - 1;
        if (match.Determiner.IsSome && context.TokenText(match.Determiner.First) is "de" or "d'")
        {
            de = match.Determiner.First;
            wordStart = match.Determiner.End;
        }

        if (match.Place != RewritePlace.Noun || de < 1 || context.TokenText(de) is not ("de" or "d'"))
        {
            return false;
        }

        for (var i = de - 1; i >= Math.Max(0, de - 5); i--)
        {
            var token = context.TokenText(i);
            foreach (var stem in ReportingStems)
            {
                if (token.StartsWith(stem, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool FollowedByACoordination(AnalysisContext context, DignityMatch match) =>
        match.Span.End < context.TokenCount && context.TokenText(match.Span.End) is "et" or "ou" or "mais" or "puis";

    private static bool IsDemonstrative(AnalysisContext context, DignityMatch match) =>
        match.Place == RewritePlace.Clause && match.Subject.IsSome && match.Subject.End - match.Subject.First == 1
        && Demonstratives.Contains(context.TokenText(match.Subject.First).ToString());

    private static bool IsDemonstrativeTrait(AnalysisContext context, DignityMatch match) =>
        IsDemonstrative(context, match) && match.Words[0].Entry.Kind == LexiconKind.Trait && match.Copula is { } copula && match.Words[0].First > copula.End;

    private static bool IsDemonstrativeLabel(AnalysisContext context, DignityMatch match) =>
        match.Place == RewritePlace.Clause && match.Subject.IsSome && match.Subject.End - match.Subject.First == 1
        && Demonstratives.Contains(context.TokenText(match.Subject.First).ToString())
        && match.Words[0].Entry.Kind != LexiconKind.Trait && match.Determiner.IsSome;

    /// <summary>True for one flagged word that names a behaviour: "un comportement {mot}" is then French.</summary>
    private static bool NamesOneBehaviour(DignityMatch match) =>
        match.Words.Count == 1 && DignityLexicon.BuiltIn.Behaviours.Contains(WordSet.Key(match.Words[0].Entry.Forms.For(Agreement.Default)));

    private static bool StartsWithVowel(string text) =>
        text.Length > 0 && "aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÉÈÊÎÔÙÛ".Contains(text[0], StringComparison.Ordinal);

    private static int SentenceEnd(AnalysisContext context, DignityMatch match)
    {
        var end = match.Span.End;
        while (end < context.TokenCount && context.TokenText(end) is not ("." or "!" or "?" or ";"))
        {
            end++;
        }

        return end > match.Span.End ? context.OriginalSpan(match.Span.End, end).End : context.OriginalSpan(match.Span.First, match.Span.End).End;
    }

    /// <summary>True when the matched text is written in capitals ("LE CLIENT EST AGRESSIF").</summary>
    private static bool IsInCapitals(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 3;
    }

    /// <summary>
    /// Lower-cases a rewrite of text in capitals, word by word; titles keep their capital ("M.") and so does the word
    /// after a title, which is a name ("M. DUPONT" gives "M. Dupont"). The first letter is set by the caller.
    /// </summary>
    private static string SentenceCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        var afterTitle = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                builder.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text[start..i].ToLowerInvariant();
            var isTitle = Titles.Contains(word);
            builder.Append(isTitle || afterTitle ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            afterTitle = isTitle;
        }

        return builder.ToString();
    }
}
