using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>A document after checking: its input, its findings and the index to locate them.</summary>
public sealed record CheckedDocument(InputDocument Input, IReadOnlyList<Finding> Findings, LineIndex Lines)
{
    /// <summary>The 1-based location of a finding.</summary>
    public FindingLocation Locate(Finding finding) => FindingLocation.Of(finding.Span, Lines);
}
