using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Rephrasing;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors.Dignity;

/// <summary>
/// Flags scare quotes: one to three words in quotation marks that nobody is said to have spoken, and that qualify a
/// person. Quotation marks in ordinary writing mostly mark a term, a title, a gloss or an option ("le mot « x »",
/// "l'option « Vrai »"); they distance the writer from a word only when that word describes a person or what a person
/// does: after a person noun or a noun of conduct ("comportement « bizarre »"), after a copula whose subject is a
/// person ("il est « malade »"), after a possessive ("sa « copine »", "son « travail »") or around a word of the
/// dignity lexicon. A quotation after a colon or a verb of speech ("a dit", "répond") is the person's own words.
/// </summary>
public sealed class ScareQuoteDetector : IDetector
{
    private static readonly string[] SpeechStems =
    [
        "dit", "di", "declar", "repon", "repond", "expliqu", "indiqu", "affirm", "precis", "ecri", "cri", "hurl", "lanc",
        "demand", "rapport", "expos", "ajout", "confi", "evoqu", "qualifi", "appel", "surnomm", "murmur", "chuchot", "exprim",
        "formul", "rétorqu", "retorqu", "insist", "souten", "soutient", "pretend", "estim", "pens", "parl", "mot", "terme", "propos", "parole",
        "nomm", "intitul", "expression", "signif", "design", "option", "bouton", "menu", "champ", "onglet", "commande", "valeur",
        "trait", "insult", "injuri",
    ];

    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal) { "sa", "son", "ses", "leur", "leurs" };

    private static readonly HashSet<string> Copulas = new(StringComparer.Ordinal)
    {
        "est", "etait", "sont", "etaient", "semble", "semblait", "semblent", "parait", "paraissait", "reste", "restait", "devient", "devenu", "devenue", "air",
        "a", "ont", "avait", "avaient", "aurait",
    };

    private readonly RuleDefinition _definition;
    private readonly WordSet _relations = new();

    /// <summary>The name packs use in <c>code:</c>.</summary>
    public const string Name = "dignity-scare-quotes";

    /// <summary>Reads the relation nouns ("copine", "ami") from the rule's parameters.</summary>
    public ScareQuoteDetector(RuleDefinition definition)
    {
        _definition = definition;
        foreach (var phrase in ((CodeMatcher)definition.Matcher).List("relations"))
        {
            _relations.Add(phrase);
        }
    }

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(_definition.Descriptor))
        {
            return;
        }

        foreach (var quote in context.Quotes)
        {
            var inner = context.Text.Substring(quote.Inner.Start, quote.Inner.Length).Trim();
            var words = inner.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A capitalised quotation is a title or a name ("« Cap Avenir »"), not a distance taken from a word.
            if (words.Length is 0 or > 3 || char.IsUpper(inner[0]) || inner.Any(c => c is '.' or '!' or '?' or ':') || IsIntroduced(context, quote)
                || !QualifiesPerson(context, quote))
            {
                continue;
            }

            // Quotation marks around a judgement or an insult are what keeps it someone else's word: taking them off
            // would make the writer say it. The fix then names who said it, and keeps the quotation.
            var outer = context.Text.Substring(quote.Outer.Start, quote.Outer.Length);
            sink.Report(_definition.Descriptor, quote.Outer, QuotesAJudgement(context, quote)
                ? [new Suggestion("Dire qui a employé ce mot", outer + " ([préciser qui l’a dit, et quand])", SuggestionKind.Rephrase)]
                // After a determiner ("sa « copine »") a placeholder would leave "sa [décrire…]", after a clitic
                // pronoun ("se « tasse »") it would leave "se [décrire…]", where a verb is needed: only the quotes go.
                // Before a word ("a « testé » un discours") the placeholder would leave that word without its verb.
                : AfterADeterminer(context, quote) || AfterAClitic(context, quote) || !SuggestionFrame.EndsAClause(context.Text, quote.Outer.End)
                    ? [new Suggestion($"Retirer les guillemets : « {inner} »", inner, SuggestionKind.Rephrase)]
                    :
                    [
                        new Suggestion($"Retirer les guillemets : « {inner} »", inner, SuggestionKind.Rephrase),
                        new Suggestion("Décrire ce qui a été observé", "[décrire ce qui a été observé]", SuggestionKind.Rephrase),
                    ]);
        }
    }

    private bool QualifiesPerson(AnalysisContext context, QuotedRegion quote)
    {
        var first = context.TokenIndexAt(quote.Outer.Start);
        var inner = first + 1;
        var end = context.TokenIndexAt(Math.Max(quote.Outer.Start, quote.Outer.End - 1));
        var lexicon = DignityLexicon.BuiltIn;
        var before = first - 1;
        while (before >= 0 && lexicon.Intensifiers.MatchAt(context, before, before + 1) > 0)
        {
            before--;
        }

        if (before < 0 || inner >= context.TokenCount)
        {
            return false;
        }

        var previous = context.TokenText(before).ToString();
        // "le « copain » de la mère": a relation in quotation marks casts doubt on it, whatever the determiner.
        if (ParserWords.IsDeterminer(context, before) && _relations.MatchAt(context, inner, end) > 0)
        {
            return true;
        }

        if (Possessives.Contains(previous))
        {
            if (_relations.MatchAt(context, inner, end) > 0 || lexicon.Persons.MatchAt(context, inner, end) > 0)
            {
                return true;
            }

            return SentenceOf(context, first) is { } possessiveSentence && PersonSubjects.NamesPerson(context, possessiveSentence);
        }

        if (lexicon.Persons.MatchAt(context, before, before + 1) > 0 || lexicon.Conduct.MatchAt(context, before, before + 1) > 0)
        {
            return true;
        }

        var sentence = SentenceOf(context, first);
        // After a copula, an auxiliary or a reflexive pronoun ("se « tasse »"), the quoted word is what the subject
        // is or does.
        if ((Copulas.Contains(previous) || previous is "se" or "s'") && sentence is { } copulaSentence)
        {
            return PersonSubjects.IsAboutPerson(context, copulaSentence, before);
        }

        var dignityWord = lexicon.Match(context, inner, end, LexiconKind.Trait) is not null
            || lexicon.Match(context, inner, end, LexiconKind.Label) is not null
            || lexicon.Match(context, inner, end, LexiconKind.Phrase) is not null;
        if (!dignityWord)
        {
            return false;
        }

        return sentence is { } wordSentence && PersonSubjects.NamesPerson(context, wordSentence);
    }

    private static Sentence? SentenceOf(AnalysisContext context, int token)
    {
        foreach (var sentence in context.Sentences)
        {
            if (token >= sentence.FirstToken && token < sentence.EndToken)
            {
                return sentence;
            }
        }

        return null;
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "l'", "un", "une", "des", "du", "sa", "son", "ses", "ma", "mon", "mes", "ta", "ton", "tes",
        "leur", "leurs", "notre", "nos", "votre", "vos", "ce", "cet", "cette", "ces",
    };

    private static bool AfterADeterminer(AnalysisContext context, QuotedRegion quote)
    {
        var first = context.TokenIndexAt(quote.Outer.Start);
        return first > 0 && Determiners.Contains(context.TokenText(first - 1).ToString());
    }

    private static readonly HashSet<string> Clitics = new(StringComparer.Ordinal)
    {
        "se", "s'", "me", "m'", "te", "t'", "nous", "vous", "lui", "en", "y", "ne", "n'",
    };

    private static bool AfterAClitic(AnalysisContext context, QuotedRegion quote)
    {
        var first = context.TokenIndexAt(quote.Outer.Start);
        return first > 0 && Clitics.Contains(context.TokenText(first - 1).ToString().ToLowerInvariant());
    }

    private static bool QuotesAJudgement(AnalysisContext context, QuotedRegion quote)
    {
        var first = context.TokenIndexAt(quote.Inner.Start);
        var end = context.TokenIndexAt(quote.Inner.End);
        for (var i = Math.Max(0, first); i < end; i++)
        {
            foreach (var kind in new[] { Rephrasing.LexiconKind.Trait, Rephrasing.LexiconKind.Label, Rephrasing.LexiconKind.Phrase })
            {
                if (Rephrasing.DignityLexicon.BuiltIn.Match(context, i, end, kind) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsIntroduced(AnalysisContext context, QuotedRegion quote)
    {
        var first = context.TokenIndexAt(quote.Outer.Start);
        // Six tokens back: "l'a traitée de « … »", "a traité l'aide-soignante de « … »" (the hyphen is a token).
        for (var k = first - 1; k >= Math.Max(0, first - 6); k--)
        {
            var token = context.TokenText(k).ToString();
            if (token == ":")
            {
                return true;
            }

            if (SpeechStems.Any(stem => token.StartsWith(stem, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        // A source named in a parenthesis right after the quotation: "« x » (selon l'école)", and the placeholder
        // this rule's own rephrasing adds, "« x » ([préciser qui l'a dit, et quand])", which must leave no finding.
        if (NamesItsSource(context.Text.AsSpan(quote.Outer.End)))
        {
            return true;
        }

        // A gloss after the quotation: "« x » signifie…", "« x » veut dire…", "« x » désigne…".
        var after = context.TokenIndexAt(Math.Max(quote.Outer.Start, quote.Outer.End - 1)) + 1;
        return after < context.TokenCount && context.TokenText(after) is var next
            && (next.StartsWith("signifi") || next.StartsWith("design") || next is "veut" or "voulait" or "renvoie" or "correspond");
    }

    private static bool NamesItsSource(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        if (rest.IsEmpty || rest[0] != '(')
        {
            return false;
        }

        rest = rest[1..].TrimStart(' ');
        return rest.StartsWith("[préciser qui", StringComparison.Ordinal) || rest.StartsWith("selon ", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("d'après ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("d’après ", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Flags a run of at least four words in capitals: a sentence that shouts. Acronyms (ASE, CMP) are short, and a
/// line of six words or fewer without final punctuation is taken for a title.
/// </summary>
public sealed class CapitalsDetector(RuleDefinition definition) : IDetector
{
    /// <summary>The name packs use in <c>code:</c>.</summary>
    public const string Name = "dignity-capitals";

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(definition.Descriptor))
        {
            return;
        }

        var tokens = context.TokenSpan;
        var text = context.Text;
        foreach (var sentence in context.Sentences)
        {
            var runStart = -1;
            var letters = 0;
            for (var i = sentence.FirstToken; i <= sentence.EndToken; i++)
            {
                // Outside a run, a token that is no word or starts with a lower-case letter changes nothing: most
                // tokens are settled here without the tests below.
                if (runStart < 0 && i < sentence.EndToken
                    && (tokens[i].Kind != TokenKind.Word || char.IsAsciiLetterLower(text[context.OriginalStart(i)])))
                {
                    continue;
                }

                var upper = i < sentence.EndToken && IsUpperWord(context, i);
                var neutral = i < sentence.EndToken && !upper && context.TokenAt(i).Kind != TokenKind.Word && runStart >= 0
                    && context.TokenText(i) is "'" or "-" || (i < sentence.EndToken && context.TokenAt(i).Kind == TokenKind.Number && runStart >= 0);
                if (upper)
                {
                    runStart = runStart < 0 ? i : runStart;
                    letters += context.TokenAt(i).Length;
                    continue;
                }

                if (neutral)
                {
                    continue;
                }

                if (runStart >= 0)
                {
                    Consider(context, sink, sentence, runStart, LastWord(context, runStart, i), letters);
                }

                runStart = -1;
                letters = 0;
            }
        }
    }

    private void Consider(AnalysisContext context, FindingSink sink, Sentence sentence, int first, int end, int letters)
    {
        var words = 0;
        for (var k = first; k < end; k++)
        {
            words += context.TokenAt(k).Kind == TokenKind.Word ? 1 : 0;
        }

        if (words < 4 || letters < 15)
        {
            return;
        }

        var last = context.TokenText(sentence.EndToken - 1);
        // A whole line in capitals without final punctuation is a title or an exported comment field, which databases
        // store in capitals ("CLIENTE AVEC RENDEZ-VOUS LE 12"): it does not shout. A sentence that ends with a
        // full stop or an exclamation mark does.
        var title = words <= 12 && last is not ("." or "!" or "?" or "\u2026") && first == sentence.FirstToken && end == sentence.EndToken;
        if (title)
        {
            return;
        }

        var span = context.OriginalSpan(first, end);
        var text = context.Text.Substring(span.Start, span.Length);
        var lower = text.ToLowerInvariant();
        var replacement = first == sentence.FirstToken ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
        sink.Report(definition.Descriptor, span,
        [
            new Suggestion($"Écrire en minuscules : « {replacement} »", replacement, SuggestionKind.Rephrase),
        ]);
    }

    private static int LastWord(AnalysisContext context, int first, int end)
    {
        while (end > first && context.TokenAt(end - 1).Kind != TokenKind.Word)
        {
            end--;
        }

        return end;
    }

    private static bool IsUpperWord(AnalysisContext context, int index)
    {
        if (context.TokenAt(index).Kind != TokenKind.Word)
        {
            return false;
        }

        // Most words start with a lower-case letter, which settles them without mapping the token's span: the loop
        // below would return false on its first character.
        if (char.IsAsciiLetterLower(context.Text[context.OriginalStart(index)]))
        {
            return false;
        }

        var span = context.OriginalSpan(index, index + 1);
        var hasLetter = false;
        for (var k = span.Start; k < span.End; k++)
        {
            var c = context.Text[k];
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter && (span.Length >= 2 || context.Text[span.Start] is 'A' or 'À' or 'Y');
    }
}
