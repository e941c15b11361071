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
public static partial class DignityRewriter
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

    /// <summary>At most this many rewrites per finding: the editor's menu stays short and the best come first.</summary>
    private const int MaximumRewrites = 2;

    /// <summary>
    /// The rewrites of <paramref name="match"/>, one per template that has a text for its place, at most
    /// <see cref="MaximumRewrites"/>. A template is left out when it would not fit: it keeps a trait that is no
    /// behaviour, it dates one event where the writer told a habit, or it would break the word before the span.
    /// </summary>
    public static IReadOnlyList<Suggestion> Suggest(AnalysisContext context, DignityMatch match)
    {
        var span = context.OriginalSpan(match.Span.First, match.Span.End);
        var matched = context.Text.Substring(span.Start, span.Length);

        // "Il a traité l'aide-soignante de salope": the writer reports a word someone used. Quoting it is the
        // recommended form (the person's own words, in quotation marks); a person-first rewrite would change the fact.
        if (IsAWordReported(context, match, out var wordStart))
        {
            var word = context.Text[context.OriginalSpan(wordStart, wordStart + 1).Start..span.End];
            var quoted = context.Text[span.Start..context.OriginalSpan(wordStart, wordStart + 1).Start] + $"«\u00A0{word}\u00A0»";
            return [new Suggestion($"Citer le mot employé, entre guillemets : « {quoted} »", quoted, SuggestionKind.Rephrase)];
        }

        if (!FitsItsFrame(context, match))
        {
            return [];
        }

        // "Fegnasse.", "Motif : branleur.": a noun that is the whole comment is replaced by what to describe, as a
        // trait standing alone is ("Menteuse."); "personne qui a …" after a field name would name no one.
        if (match.Place == RewritePlace.Noun && !match.Determiner.IsSome)
        {
            return WithoutTemplate(context.Text, span);
        }

        // "C'est une famille à problèmes": the demonstrative names no one, so no pronoun is invented; "C'est" is kept
        // and the determiner and the label are rewritten as a noun phrase.
        var place = PlaceOf(match);
        var kept = "";
        var rendered = match;
        if (IsDemonstrativeTrait(context, match))
        {
            // "C'est une famille défaillante": the trait qualifies the noun after the copula, so the rewrite keeps
            // "C'est une famille" and goes on as after any person noun ("… qui a [décrire les faits observés]").
            place = RewritePlace.Apposition;
            rendered = match with { Place = RewritePlace.Apposition, Noun = new TokenRange(match.Span.First, match.Words[0].First) };
        }
        else if (IsDemonstrativeLabel(context, match))
        {
            var determiner = context.OriginalSpan(match.Determiner.First, match.Determiner.End);
            kept = context.Text[span.Start..determiner.Start];
            place = RewritePlace.Noun;
            rendered = match with { Place = RewritePlace.Noun, Subject = TokenRange.None };
        }

        var elidedBefore = span.Start > 0 && context.Text[span.Start - 1] is '\'' or '\u2019';
        var shouted = IsInCapitals(matched);

        // "LA RESIDENTE EST AGRESSIVE AVEC LE PERSONNEL": a rewrite in sentence case would sit before words still in
        // capitals. The fix for capitals comes first; the rewrite is offered on the text it gives.
        if (shouted && IsInCapitals(context.Text[span.End..SentenceEnd(context, match)]))
        {
            return [];
        }

        var suggestions = new List<Suggestion>();
        foreach (var template in match.Rewrites)
        {
            if (suggestions.Count == MaximumRewrites)
            {
                break;
            }

            if (template.Only == TemplateCondition.Behaviours && !NamesOneBehaviour(match))
            {
                continue;
            }

            if (TextFor(template, place) is not { } text || !SuitsTheTense(match, text) || !KeepsItsModality(match, text) || DatesAGroup(context, match, text))
            {
                continue;
            }

            // After "C'est un résident", only a relative or participle continues the noun; "C'est un résident ([…])"
            // says nothing.
            if (kept.Length == 0 && rendered.Place == RewritePlace.Apposition && match.Place == RewritePlace.Clause
                && !text.Contains(" qui ", StringComparison.Ordinal) && !text.Contains(" ayant ", StringComparison.Ordinal))
            {
                continue;
            }

            // "…, ce qui justifie de solliciter un avis médical et prend de la Ritaline": a relative clause at the end
            // of the rewrite would take the verb that follows as its own.
            if (text.Contains(", ce qui ", StringComparison.Ordinal) && !text.EndsWith(')') && FollowedByACoordination(context, match))
            {
                continue;
            }

            string? replacement = kept + Render(context, rendered, text);

            // "qu'il est violent": the span starts after an elided "qu'", so the rewrite must start with the subject
            // ("qu'il a …"), never with "le [date]" ("qu'le [date]"). The predicate text is used after the subject.
            if (elidedBefore && !StartsWithVowel(replacement))
            {
                if (place is not (RewritePlace.Clause or RewritePlace.ClauseHabit) || !match.Subject.IsSome
                    || !template.Texts.TryGetValue(place == RewritePlace.Clause ? RewritePlace.Predicate : RewritePlace.PredicateHabit, out var predicate))
                {
                    continue;
                }

                replacement = Render(context, rendered, "{sujet} " + predicate);
                if (!StartsWithVowel(replacement))
                {
                    continue;
                }
            }

            if (shouted)
            {
                replacement = SentenceCase(replacement);
            }

            // The capital of the span is copied only at the head of a sentence: after "Du fait de sa pathologie, " the
            // capital of "Mme X" is the name's, and the rewrite goes on in lower case ("le [date], Mme X a …").
            if (SuggestionFactory.StartsASentence(context.Text, span.Start))
            {
                replacement = SuggestionFactory.MatchCase(replacement, matched);
            }

            replacement = SuggestionFactory.Fit(context.Text, span.Start, span.End, replacement);
            if (replacement is not null && suggestions.All(s => s.Replacement != replacement))
            {
                suggestions.Add(new Suggestion($"{template.Title} : « {replacement} »", replacement, SuggestionKind.Rephrase));
            }
        }

        return suggestions;
    }

    // Note style has no template (no subject, no verb): the word is replaced by what to describe instead.
    private static readonly Suggestion[] Placeholders =
    [
        new("Décrire les faits observés, datés", "[décrire les faits observés] le [date]", SuggestionKind.Rephrase),
        new("Décrire les faits, leur contexte et leur fréquence", "[décrire les faits observés] ([contexte], [fréquence])", SuggestionKind.Rephrase),
    ];

    /// <summary>
    /// The rewrites of a construction without a template ("Menteuse.", "agressive, démente"): the placeholders
    /// replace the words only when they are the whole comment. After an adverb ("Vraiment trop conne.") or in a
    /// list ("agressive, démente") they would leave the adverb or the list without its head, so there is none.
    /// </summary>
    public static IReadOnlyList<Suggestion> WithoutTemplate(string text, TextSpan span) =>
        StandsAlone(text, span) ? Placeholders : [];

    /// <summary>
    /// The place whose text is used: a clause in the imperfect tells a habit and has texts of its own; so does an
    /// infinitive under a modal verb ("peut parfois être agressive"), which tells what may happen, not one event.
    /// </summary>
    private static RewritePlace PlaceOf(DignityMatch match) => (match.Place, match.Copula?.Tense) switch
    {
        (RewritePlace.Clause, Tense.Imparfait or Tense.Infinitif) => RewritePlace.ClauseHabit,
        (RewritePlace.Predicate, Tense.Imparfait or Tense.Infinitif) => RewritePlace.PredicateHabit,
        var (place, _) => place,
    };

    /// <summary>
    /// The text of <paramref name="template"/> for <paramref name="place"/>. For a habit without its own text, the
    /// ordinary text serves only if it dates no single event.
    /// </summary>
    private static string? TextFor(RewriteTemplate template, RewritePlace place)
    {
        if (template.Texts.TryGetValue(place, out var text))
        {
            return text;
        }

        var ordinary = place switch
        {
            RewritePlace.ClauseHabit => RewritePlace.Clause,
            RewritePlace.PredicateHabit => RewritePlace.Predicate,
            _ => place,
        };
        return ordinary != place && template.Texts.TryGetValue(ordinary, out var fallback) && !fallback.Contains("le [date]", StringComparison.Ordinal)
            ? fallback
            : null;
    }

    /// <summary>
    /// A copula in the conditional ("serait une voleuse") reports a rumour. A rewrite that kept the conditional
    /// would still be one (dignity.hearsay.conditional flags it), so only a text that names its source ("[source]")
    /// is offered, and it states at the indicative what is attributed to the source ("a été mise en cause pour
    /// [faits] le [date] ([source])"); a text that describes facts as observed has no conditional form.
    /// </summary>
    private static bool SuitsTheTense(DignityMatch match, string text) =>
        !IsConditional(match.Copula?.Tense) || text.Contains("[source]", StringComparison.Ordinal);

    private static bool IsConditional(Tense? tense) => tense is Tense.Conditionnel or Tense.ConditionnelPasse;

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
        // See SuitsTheTense: an attributed rewrite of a conditional copula is written at the indicative.
        var tense = match.Copula?.Tense is { } copula && !IsConditional(copula) ? copula : Tense.Present;
        return name switch
        {
            "sujet" => Subject(context, match, agreement, atStart),
            "avoir" => argument == "imparfait"
                ? Conjugation.AvoirIn(match.Copula?.Tense == Tense.Infinitif ? Tense.Infinitif : Tense.Imparfait, person)
                : Conjugation.RewriteAuxiliary(tense, person),
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

        // The parser stops the subject before an object clitic ("il y est"), which can also be a name's initial: "M. Y
        // est violent" keeps "M. Y", not "M.".
        var end = match.Subject.End;
        while (match.Copula is { } copula && end < copula.First && char.IsUpper(context.Text[context.OriginalSpan(end, end + 1).Start]))
        {
            end++;
        }

        var text = context.OriginalText(match.Subject.First, end);
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
