using System.Text.RegularExpressions;
using Cnaemo.NoteLsp.Rules.Loading;
using Cnaemo.NoteLsp.Rules.Matching;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;
using Cnaemo.NoteLsp.Rules.Validators;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Runs one pattern rule: a non-backtracking regular expression over the folded or original text, then the
/// rule's validator (a checksum, a prefix check) and context words.
/// </summary>
public sealed class PatternDetector : IDetector
{
    private readonly RuleDefinition _definition;
    private readonly PatternMatcher _matcher;
    private readonly Lazy<Regex> _regex;
    private readonly Lazy<Regex[]> _antipatterns;
    private readonly System.Buffers.SearchValues<char>? _requiredCharacters;
    private readonly RequiredWords? _requiredWords;
    private readonly PrefilterPhrases? _prefilter;
    private readonly int _requiredDigitRun;
    private readonly bool _needsLetterBeforeDigit;

    /// <summary>Prepares the rule; its regexes are compiled when a block first needs them.</summary>
    /// <remarks>
    /// A non-backtracking regex costs about 0.5 MB and several million instructions to build, and many blocks never
    /// reach a given rule's regex (the shortcuts of <see cref="MayMatch"/>) or its antipatterns (only scanned once the
    /// rule matches). Building them on first use keeps start-up short and leaves unused automata unbuilt.
    /// </remarks>
    public PatternDetector(RuleDefinition definition)
    {
        _definition = definition;
        _matcher = (PatternMatcher)definition.Matcher;
        _regex = new Lazy<Regex>(() => PatternCompiler.Compile(_matcher.Pattern));
        _antipatterns = new Lazy<Regex[]>(() => [.. _matcher.Antipatterns.Select(PatternCompiler.Compile)]);
        _requiredCharacters = PatternCompiler.RequiredCharacters(_matcher.Pattern) is { } marks ? System.Buffers.SearchValues.Create(marks) : null;
        _requiredWords = definition.Requires is { } requires ? new RequiredWords(requires) : null;
        _prefilter = definition.Prefilter is { } prefilter ? new PrefilterPhrases(prefilter) : null;
        _requiredDigitRun = PatternCompiler.RequiredDigitRun(_matcher.Pattern);
        _needsLetterBeforeDigit = PatternCompiler.NeedsLetterBeforeDigit(_matcher.Pattern);
    }

    /// <summary>The id of the rule this detector runs.</summary>
    public string RuleId => _definition.Descriptor.Id;

    /// <inheritdoc />
    public void Detect(AnalysisContext context, FindingSink sink)
    {
        if (!sink.IsEnabled(_definition.Descriptor))
        {
            return;
        }

        var haystack = _matcher.OnOriginalText ? context.Text : context.Folded.Value;
        if (!MayMatch(context, haystack))
        {
            return;
        }

        List<TextSpan>? excluded = null;
        var antipatternsScanned = false;
        foreach (var m in _regex.Value.EnumerateMatches(haystack))
        {
            if (m.Length == 0)
            {
                continue;
            }

            // Antipatterns are scanned only once the rule has a match to test, which most blocks never give.
            if (!antipatternsScanned)
            {
                antipatternsScanned = true;
                excluded = ScanAntipatterns(haystack);
            }

            var raw = new TextSpan(m.Index, m.Length);
            if (excluded is not null && excluded.Exists(x => x.Contains(raw)))
            {
                continue;
            }

            var span = _matcher.OnOriginalText ? raw : context.Folded.ToOriginal(raw.Start, raw.End);
            var matched = context.Text.Substring(span.Start, span.Length);
            if (_matcher.Validator is { } validator && !IdentifierValidators.Validate(validator, matched))
            {
                continue;
            }

            var first = context.TokenIndexAt(span.Start);
            var end = Math.Max(first + 1, context.TokenIndexAt(span.End));
            if (_definition.Requires is { } requires && !ContextWords.AreNear(context, first, end, requires))
            {
                continue;
            }

            sink.ReportMatch(_definition, context, span, first, Math.Min(end, context.TokenCount));
        }
    }

    // Cheap tests that prove a block cannot give a finding, so the regex need not run: none of the characters of which
    // every match contains one is present, no run of digits is as long as every match holds, no letter stands right
    // before a digit when every match holds one, no part of the block could pass the rule's validator, none of the
    // rule's prefilter words is in the block, or none of the context words the rule requires near a match stands
    // anywhere in the block.
    private bool MayMatch(AnalysisContext context, string haystack)
    {
        if (_requiredCharacters is { } required && !haystack.AsSpan().ContainsAny(required))
        {
            return false;
        }

        if (_requiredDigitRun > 0 && context.LongestDigitRun(haystack) < _requiredDigitRun)
        {
            return false;
        }

        if (_needsLetterBeforeDigit && !context.HasLetterBeforeDigit(haystack))
        {
            return false;
        }

        if (_matcher.Validator is { } validator && !ValidatorMayAccept(validator, context.Text, context.AsciiDigitCount))
        {
            return false;
        }

        if (_prefilter is not null && !_prefilter.AnyInBlock(context))
        {
            return false;
        }

        return _requiredWords is null || ContextWords.AnyInBlock(context, _requiredWords);
    }

    /// <summary>
    /// False only when no substring of <paramref name="text"/> can pass the validator, judged from its digits: a NIR
    /// is, once spaces, dots and dashes are removed, 15 characters of which at least 14 are digits (13 and 12 without its key); a French phone
    /// number has at least 10 digits; an IBAN its two check digits; an identity card number at least two digits. Unknown validators get no shortcut. Tests check
    /// these facts against IdentifierValidators, so a change there cannot silently hide findings.
    /// </summary>
    internal static bool ValidatorMayAccept(string validator, string text, int asciiDigitCount) => validator switch
    {
        // The key may stand apart from the body ("2951099126111 clé 93"), so only the body's 13 characters are
        // dense: 12 digits at least, Corsica's letter included.
        "nir" or "nir-wrong-key" => asciiDigitCount >= 14 && HasDenseDigitRun(text, window: 13, digits: 12),
        "nir-without-key" => asciiDigitCount >= 12 && HasDenseDigitRun(text, window: 13, digits: 12),
        "phone-fr" => asciiDigitCount >= 10,
        "iban" or "cni" => asciiDigitCount >= 2,
        _ => true,
    };

    private List<TextSpan>? ScanAntipatterns(string haystack)
    {
        List<TextSpan>? excluded = null;
        foreach (var anti in _antipatterns.Value)
        {
            foreach (var m in anti.EnumerateMatches(haystack))
            {
                (excluded ??= []).Add(new TextSpan(m.Index, m.Length));
            }
        }

        return excluded;
    }

    // True when some 'window' consecutive characters, spaces, dots and dashes skipped, hold at least 'digits' ASCII digits.
    private static bool HasDenseDigitRun(string text, int window, int digits)
    {
        Span<bool> isDigit = stackalloc bool[window];
        var filled = 0;
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (count == 0 && !char.IsAsciiDigit(c))
            {
                // No digit in the window: every slot is false, so the characters up to the next digit change nothing
                // but the slots' rotation, which an all-false window does not see. Jump to it.
                var next = text.AsSpan(i).IndexOfAnyInRange('0', '9');
                if (next < 0)
                {
                    return false;
                }

                i += next;
                c = text[i];
            }

            if (char.IsWhiteSpace(c) || c is '.' or '-')
            {
                continue;
            }

            var slot = filled % window;
            if (filled >= window && isDigit[slot])
            {
                count--;
            }

            isDigit[slot] = char.IsAsciiDigit(c);
            count += isDigit[slot] ? 1 : 0;
            filled++;
            if (count >= digits)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The prefilter of a pattern rule: words or two-word phrases ("né le") of which the block must hold one for the
/// pattern to run. The first word of each is tested by its hash, so a block costs one bit test per token.
/// </summary>
internal sealed class PrefilterPhrases
{
    private readonly WordFilter _firstWords = new(log2Bits: 10);

    // The second words that may follow each first word; an empty second word stands for the first word alone. A token
    // that passes the filter costs one look-up, whatever the number of phrases (some rules list dozens of forms).
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _seconds;

    public PrefilterPhrases(IReadOnlyList<string> phrases)
    {
        var seconds = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            var space = phrase.IndexOf(' ', StringComparison.Ordinal);
            var (first, second) = space < 0 ? (phrase, string.Empty) : (phrase[..space], phrase[(space + 1)..]);
            if (!seconds.TryGetValue(first, out var list))
            {
                seconds[first] = list = [];
                _firstWords.Add(first);
            }

            list.Add(second);
        }

        _seconds = seconds.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool AnyInBlock(AnalysisContext context)
    {
        var hashes = context.TokenHashes;
        for (var t = _firstWords.IndexOfMayContain(hashes); t >= 0; t = _firstWords.IndexOfMayContain(hashes, t + 1))
        {
            if (!_seconds.TryGetValue(context.TokenText(t), out var seconds))
            {
                continue;
            }

            foreach (var second in seconds)
            {
                if (second.Length == 0 || context.TokenIs(t + 1, second))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
