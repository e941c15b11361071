using System.Text;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Turns a <see cref="DignityMatch"/> into rewrites by filling its templates: the subject as written, "avoir" and
/// "être" conjugated for the copula's tense and person, the flagged words inflected for the head noun the template
/// names, and determiners made to agree with a new noun ("un drogué" becomes "une personne qui…").
/// </summary>
public static class DignityRewriter
{
    private static readonly HashSet<string> CommonSubjectStarts = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "l'", "un", "une", "des", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son",
        "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "il", "elle", "ils", "elles", "on", "je", "j'", "tu", "nous",
        "vous", "tout", "toute", "tous", "toutes", "chaque", "celui", "celle", "ceux", "celles",
    };

    private static readonly Dictionary<string, (string Masculine, string Feminine)> DeterminerGenders = new(StringComparer.Ordinal)
    {
        ["un"] = ("un", "une"), ["une"] = ("un", "une"), ["le"] = ("le", "la"), ["la"] = ("le", "la"), ["l'"] = ("le", "la"),
        ["ce"] = ("ce", "cette"), ["cet"] = ("ce", "cette"), ["cette"] = ("ce", "cette"), ["mon"] = ("mon", "ma"), ["ma"] = ("mon", "ma"),
        ["ton"] = ("ton", "ta"), ["ta"] = ("ton", "ta"), ["son"] = ("son", "sa"), ["sa"] = ("son", "sa"), ["du"] = ("du", "de la"),
        ["de la"] = ("du", "de la"), ["quel"] = ("quel", "quelle"), ["quelle"] = ("quel", "quelle"), ["quels"] = ("quels", "quelles"),
        ["quelles"] = ("quels", "quelles"), ["d'"] = ("de", "de"), ["espece de"] = ("un", "une"), ["espece d'"] = ("un", "une"),
    };

    /// <summary>The rewrites of <paramref name="match"/>, one per template that has a text for its place.</summary>
    public static IReadOnlyList<Suggestion> Suggest(AnalysisContext context, DignityMatch match)
    {
        var span = context.OriginalSpan(match.Span.First, match.Span.End);
        var matched = context.Text.Substring(span.Start, span.Length);
        var suggestions = new List<Suggestion>();
        foreach (var template in match.Rewrites)
        {
            if (!template.Texts.TryGetValue(match.Place, out var text))
            {
                continue;
            }

            var replacement = SuggestionFactory.MatchCase(Render(context, match, text), matched);
            if (suggestions.All(s => s.Replacement != replacement))
            {
                suggestions.Add(new Suggestion($"{template.Title} : « {replacement} »", replacement, SuggestionKind.Rephrase));
            }
        }

        return suggestions;
    }

    /// <summary>Fills one template text for <paramref name="match"/>.</summary>
    public static string Render(AnalysisContext context, DignityMatch match, string template)
    {
        var agreement = AgreementOf(context, match);
        var person = PersonOf(context, match, agreement);
        var builder = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            builder.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var slot = template[(open + 1)..close];
            builder.Append(Slot(context, match, slot, agreement, person, atStart: open == 0));
            i = close + 1;
        }

        return Tidy(builder.ToString());
    }

    private static string Slot(AnalysisContext context, DignityMatch match, string slot, Agreement agreement, int person, bool atStart)
    {
        var colon = slot.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? slot : slot[..colon];
        var argument = colon < 0 ? "" : slot[(colon + 1)..];
        var tense = match.Copula?.Tense ?? Tense.Present;
        return name switch
        {
            "sujet" => Subject(context, match, agreement, atStart),
            "avoir" => Conjugation.RewriteAuxiliary(tense, person),
            "etre" => Conjugation.SameTenseEtre(tense, person),
            "mot" => Words(context, match, argument == "sujet" ? agreement : Agreement.TryParse(argument, out var a) ? a : agreement),
            "accord" => Choose(argument, agreement),
            "nom" => match.Noun.IsSome ? context.OriginalText(match.Noun.First, match.Noun.End) : "",
            "det" => Determiner(context, match, argument == "f" ? Gender.Feminine : Gender.Masculine),
            _ => throw new InvalidOperationException($"unknown template slot {{{slot}}}"),
        };
    }

    private static string Subject(AnalysisContext context, DignityMatch match, Agreement agreement, bool atStart)
    {
        if (!match.Subject.IsSome)
        {
            return "";
        }

        var first = context.TokenText(match.Subject.First).ToString();
        if (match.Subject.End - match.Subject.First == 1 && first is "c'" or "c" or "ce" or "cela" or "ca" or "ceci")
        {
            return (agreement.Gender, agreement.Number) switch
            {
                (Gender.Feminine, GrammaticalNumber.Plural) => "elles",
                (Gender.Feminine, _) => "elle",
                (_, GrammaticalNumber.Plural) => "ils",
                _ => "il",
            };
        }

        var text = context.OriginalText(match.Subject.First, match.Subject.End);
        return !atStart && CommonSubjectStarts.Contains(first) && text.Length > 0
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    private static string Words(AnalysisContext context, DignityMatch match, Agreement agreement)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < match.Words.Count; k++)
        {
            if (k > 0)
            {
                // Keep the writer's own link word ("et", "ou", a comma) between coordinated traits.
                var link = context.OriginalText(match.Words[k - 1].End, match.Words[k].First).Trim();
                builder.Append(link == "," ? ", " : $" {link} ");
            }

            builder.Append(match.Words[k].Entry.Forms.For(agreement));
        }

        return builder.ToString();
    }

    private static string Choose(string argument, Agreement agreement)
    {
        var values = argument.Split(',');
        return values.Length switch
        {
            4 => values[agreement.Index],
            2 => values[agreement.Number == GrammaticalNumber.Plural ? 1 : 0],
            _ => argument,
        };
    }

    private static string Determiner(AnalysisContext context, DignityMatch match, Gender gender)
    {
        if (!match.Determiner.IsSome)
        {
            return "";
        }

        var key = WordSet.Key(context, match.Determiner.First, match.Determiner.End);
        return DeterminerGenders.TryGetValue(key, out var forms)
            ? gender == Gender.Feminine ? forms.Feminine : forms.Masculine
            : context.OriginalText(match.Determiner.First, match.Determiner.End).ToLowerInvariant();
    }

    /// <summary>
    /// The gender and number the flagged words agree with: their own form when it says, otherwise the cues of the
    /// subject (a pronoun, a determiner, "Mme") and the copula's person.
    /// </summary>
    public static Agreement AgreementOf(AnalysisContext context, DignityMatch match)
    {
        var candidates = match.Words[0].Agreements;
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        Gender? gender = null;
        GrammaticalNumber? number = match.Copula is { Person: >= 3 } ? GrammaticalNumber.Plural : null;
        var cues = match.Subject.IsSome ? match.Subject : match.Determiner.IsSome ? match.Determiner : match.Noun;
        for (var i = Math.Max(0, cues.First); cues.IsSome && i < cues.End; i++)
        {
            switch (context.TokenText(i).ToString())
            {
                case "elle" or "la" or "une" or "cette" or "sa" or "ma" or "ta" or "mme" or "madame" or "mlle" or "mademoiselle" or "celle":
                    gender ??= Gender.Feminine;
                    break;
                case "elles" or "celles":
                    gender ??= Gender.Feminine;
                    number ??= GrammaticalNumber.Plural;
                    break;
                case "ils" or "les" or "des" or "ces" or "ses" or "mes" or "leurs" or "ceux":
                    number ??= GrammaticalNumber.Plural;
                    break;
                case "il" or "le" or "un" or "ce" or "cet" or "son" or "mon" or "m" or "monsieur" or "mr" or "celui":
                    gender ??= Gender.Masculine;
                    break;
            }
        }

        var wanted = new Agreement(gender ?? Gender.Masculine, number ?? GrammaticalNumber.Singular);
        foreach (var candidate in candidates)
        {
            if (candidate == wanted)
            {
                return candidate;
            }
        }

        return candidates.FirstOrDefault(c => number is null || c.Number == number, candidates[0]);
    }

    private static int PersonOf(AnalysisContext context, DignityMatch match, Agreement agreement)
    {
        if (match.Subject.IsSome)
        {
            switch (context.TokenText(match.Subject.First).ToString())
            {
                case "je" or "j'":
                    return 0;
                case "tu":
                    return 1;
                case "nous":
                    return 3;
                case "vous":
                    return 4;
            }
        }

        return match.Copula?.Person ?? (agreement.Number == GrammaticalNumber.Plural ? 5 : 2);
    }

    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            if (c == ',' && builder.Length > 0 && builder[^1] == ' ')
            {
                builder.Length--;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }
}
