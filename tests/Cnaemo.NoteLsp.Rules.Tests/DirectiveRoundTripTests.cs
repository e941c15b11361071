using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;

namespace Cnaemo.NoteLsp.Rules.Tests;

/// <summary>
/// The "ignore on this line" quick fix writes <see cref="Suppressions.NextLineDirective"/>; whatever it writes must be
/// read back by the parser and silence exactly the rules it names, in both comment forms.
/// </summary>
public sealed class DirectiveRoundTripTests
{
    private static readonly RuleEngine Engine = RuleEngine.CreateDefault();

    [Theory]
    [InlineData(DocumentFormat.Markdown)]
    [InlineData(DocumentFormat.PlainText)]
    public void The_written_directive_silences_the_findings_it_names_on_the_next_line_only(DocumentFormat format)
    {
        const string line = "Le résident est violent et son fils est alcoolique.";
        var options = LintOptions.Default with { Format = format };
        var before = Engine.Lint(line, options);
        var silenced = before.Where(f => f.Category == Category.Health).Select(f => f.RuleId).ToList();
        Assert.NotEmpty(silenced);

        var directive = Suppressions.NextLineDirective(format, silenced);
        var after = Engine.Lint(directive + "\n" + line + "\n" + line, options);

        Assert.DoesNotContain(after, f => silenced.Contains(f.RuleId) && f.Span.Start < directive.Length + 1 + line.Length);
        Assert.Contains(after, f => silenced.Contains(f.RuleId) && f.Span.Start > directive.Length + line.Length + 1);
        Assert.Contains(after, f => f.Category != Category.Health && f.Span.Start < directive.Length + 1 + line.Length);
    }
}
