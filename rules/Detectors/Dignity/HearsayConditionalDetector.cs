using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Flags the conditional of hearsay: a fact about a person stated in the conditional with no named source ("le
/// père frapperait ses enfants", "elle aurait quitté le domicile", "il serait alcoolique"). French reports use the
/// conditional to say "it is said that" without saying who said it. The conditional of politeness and of modal
/// verbs ("pourrait", "souhaiterait"), hypotheses ("si…", "sinon", "en cas de"), the future in the past after a
/// "que" ("il a dit qu'il viendrait") and impersonal phrases ("il serait souhaitable de") are not hearsay. The word
/// lists come from the rule's parameters.
/// </summary>
public sealed class HearsayConditionalDetector : IDetector
{
    private readonly RuleDefinition _definition;
    private readonly WordSet _modals = new();
    private readonly WordSet _imperfectStems = new();
    private readonly WordSet _hypotheses = new();
    private readonly WordSet _sources = new();
    private readonly WordSet _notHearsayAfterAuxiliary = new();

    /// <summary>The name packs use in <c>code:</c>.</summary>
    public const string Name = "dignity-hearsay-conditional";

    /// <summary>Reads the word lists from the rule's parameters.</summary>
    public HearsayConditionalDetector(RuleDefinition definition)
    {
        _definition = definition;
        var matcher = (CodeMatcher)definition.Matcher;
        foreach (var (key, set) in new[] { ("modals", _modals), ("imperfects", _imperfectStems), ("hypotheses", _hypotheses), ("sources", _sources), ("not-after-auxiliary", _notHearsayAfterAuxiliary) })
        {
            foreach (var phrase in matcher.List(key))
            {
                set.Add(phrase);
            }
        }
    }

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(_definition.Descriptor))
        {
            return;
        }

        foreach (var sentence in context.Sentences)
        {
            int? verb = null;
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                if (IsConditional(context, i))
                {
                    verb = i;
                    break;
                }
            }

            // A note that starts with the verb ("Serait une voleuse.") has the person as its implicit subject.
            if (verb is not { } index || !Counts(context, sentence, index) || index > sentence.FirstToken && !PersonSubjects.IsAboutPerson(context, sentence, index))
            {
                continue;
            }

            var end = index + 1;
            if (context.TokenText(index) is "aurait" or "auraient" or "serait" or "seraient" && end < sentence.EndToken && context.TokenAt(end).Kind == TokenKind.Word)
            {
                end++;
            }

            var span = context.OriginalSpan(index, end);
            if (!context.IsQuoted(span))
            {
                sink.Report(_definition.Descriptor, span,
                [
                    new Suggestion("Nommer la source", NameTheSource(context, index, end, "selon [source]"), SuggestionKind.Rephrase),
                    new Suggestion("Nommer la source et la date", NameTheSource(context, index, end, "selon [source] ([date])"), SuggestionKind.Rephrase),
                ]);
            }
        }
    }

    /// <summary>
    /// The source goes right after the conditional verb, between commas: "serait, selon [source], une voleuse",
    /// "aurait, selon [source], frappé ses enfants". The word the span takes after "serait" or "aurait" stays after
    /// the source; at the end of the sentence the closing comma gives way to the full stop ("boirait, selon [source].").
    /// </summary>
    private static string NameTheSource(AnalysisContext context, int verb, int end, string source)
    {
        var verbText = context.OriginalText(verb, verb + 1);
        var rest = end > verb + 1 ? " " + context.OriginalText(verb + 1, end) : "";
        var next = context.OriginalSpan(verb, end).End;
        while (next < context.Text.Length && context.Text[next] == ' ')
        {
            next++;
        }

        var closes = next >= context.Text.Length || context.Text[next] is '.' or '!' or '?' or ';' or ',' or ')' or '\n' or '\u2026';
        return rest.Length == 0 && closes ? $"{verbText}, {source}" : $"{verbText}, {source},{rest}";
    }

    // A verb in the third person of the conditional: "-rait", "-raient" after the stem of a future ("frapperait",
    // "boirait", "viendrait"). Imperfects of verbs in -rer/-rir end the same way ("entrait", "ouvrait", "tirait"):
    // an accented "é" before the ending ("espérait") or a stem from the list of imperfects rules them out.
    private bool IsConditional(AnalysisContext context, int i)
    {
        if (context.TokenAt(i).Kind != TokenKind.Word)
        {
            return false;
        }

        var token = context.TokenText(i);
        // The index of the "r" of the ending "-rait" / "-raient".
        var r = token.EndsWith("raient") ? token.Length - 6 : token.EndsWith("rait") ? token.Length - 4 : -1;
        if (r < 2 || token.EndsWith("trait") || token.EndsWith("traient") || _modals.MatchAt(context, i, i + 1) > 0)
        {
            return false;
        }

        if (token is "aurait" or "auraient" or "serait" or "seraient" or "ferait" or "feraient" or "irait" or "iraient")
        {
            return true;
        }

        // The letter before the "r": a future stem ends in "er", "ir", "oir", "dr", "tr", "vr", "rr" ("frapperait",
        // "finirait", "boirait", "prendrait", "mettrait", "vivrait", "verrait"). An accented "é" there is an
        // imperfect ("espérait"), and so is a stem from the list of imperfects ("entrait", "ouvrait", "tirait").
        var original = context.OriginalText(i, i + 1);
        if (original.Length == token.Length && original[r - 1] is 'é' or 'è' or 'É' or 'È')
        {
            return false;
        }

        if (token[r - 1] is not ('e' or 'i' or 'd' or 't' or 'v' or 'r'))
        {
            return false;
        }

        return !_imperfectStems.Contains(token[..(r + 1)].ToString());
    }

    private bool Counts(AnalysisContext context, Sentence sentence, int verb)
    {
        for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            var token = context.TokenText(k);
            // A source, a hypothesis or a question anywhere in the sentence; a "que" before the verb (the future in
            // the past of reported speech, "il a dit qu'il viendrait").
            if (_sources.MatchAt(context, k, sentence.EndToken) > 0 || _hypotheses.MatchAt(context, k, sentence.EndToken) > 0 || token is "?"
                || (k < verb && token is "que" or "qu'"))
            {
                return false;
            }
        }

        var previous = verb > sentence.FirstToken ? context.TokenText(verb - 1) : "";
        if (previous is "c'" or "ce" or "cela" or "ca" or "on" or "y")
        {
            return false;
        }

        var word = context.TokenText(verb);
        if (word is "aurait" or "auraient" or "serait" or "seraient")
        {
            // "il serait souhaitable de", "serait à prévoir", "aurait dû", "aurait besoin": modality, not a report.
            var next = verb + 1;
            if (next >= sentence.EndToken || _notHearsayAfterAuxiliary.MatchAt(context, next, sentence.EndToken) > 0
                || context.TokenText(next) is "a" or "de" or "d'" or "," or "." || previous is "il" && next + 1 < sentence.EndToken && context.TokenText(next + 1) is "de" or "d'" or "que" or "qu'")
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Flags reported speech about a third party: "sa fille dit que son mari la bat". The summary of what someone said
/// about someone else takes the place of the words spoken, and the third party cannot answer. The finding spans the
/// verb of speech, and the rewrites date it and ask for the exact words.
/// </summary>
public sealed class ThirdPartyReportDetector : IDetector
{
    private readonly RuleDefinition _definition;
    private readonly WordSet _speech = new();
    private readonly WordSet _determiners = new();

    /// <summary>The name packs use in <c>code:</c>.</summary>
    public const string Name = "dignity-hearsay-third-party";

    /// <summary>Reads the verbs of speech and the determiners from the rule's parameters.</summary>
    public ThirdPartyReportDetector(RuleDefinition definition)
    {
        _definition = definition;
        var matcher = (CodeMatcher)definition.Matcher;
        foreach (var phrase in matcher.List("speech"))
        {
            _speech.Add(phrase);
        }

        foreach (var phrase in matcher.List("determiners"))
        {
            _determiners.Add(phrase);
        }
    }

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(_definition.Descriptor))
        {
            return;
        }

        var persons = DignityLexicon.BuiltIn.Persons;
        foreach (var sentence in context.Sentences)
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var length = _speech.MatchAt(context, i, sentence.EndToken);
                if (length == 0)
                {
                    continue;
                }

                // "On dit que…", "on m'a raconté que…" are anonymous: dignity.hearsay.unattributed reports them.
                if (SpokenByOn(context, sentence, i))
                {
                    continue;
                }

                // Only a person reports what someone said: in "la sémantique de copie-en-écriture assure que l'enfant
                // recevra une copie" or "la documentation explique que le parent…" the verb has a thing as subject.
                if (!PersonSubjects.IsAboutPerson(context, sentence, i))
                {
                    continue;
                }

                var que = i + length;
                if (que + 2 >= sentence.EndToken || context.TokenText(que) is not ("que" or "qu'"))
                {
                    continue;
                }

                var determiner = _determiners.MatchAt(context, que + 1, sentence.EndToken);
                if (determiner == 0 || persons.MatchAt(context, que + 1 + determiner, sentence.EndToken) == 0)
                {
                    continue;
                }

                var span = context.OriginalSpan(i, i + length);
                if (context.IsQuoted(span))
                {
                    continue;
                }

                // "Des voisins disent que…" takes "ont dit"; a verb of another person takes no rephrasing.
                var verb = context.Text.Substring(span.Start, span.Length);
                var suggestions = new List<Suggestion>(2);
                foreach (var (title, text) in new[] { ("Dater les propos", "a dit le [date]"), ("Dater les propos et leur contexte", "a indiqué le [date] ([contexte])") })
                {
                    if (SuggestionFrame.AgreeWithTheVerb(verb, text) is { } agreed)
                    {
                        suggestions.Add(new Suggestion(title, agreed, SuggestionKind.Rephrase));
                    }
                }

                sink.Report(_definition.Descriptor, span, suggestions);
                i += length;
            }
        }
    }

    private static bool SpokenByOn(AnalysisContext context, Sentence sentence, int verb)
    {
        for (var k = verb - 1; k >= Math.Max(sentence.FirstToken, verb - 3); k--)
        {
            if (context.TokenText(k) is "on")
            {
                return true;
            }
        }

        return false;
    }
}
