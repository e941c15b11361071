using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Rules.Detectors;

/// <summary>
/// Finds problems in one block of text. Detectors are pure: the same context gives the same findings, and they
/// keep no state between calls, so the engine may run them on any block in any order.
/// </summary>
public interface IDetector
{
    /// <summary>Reports what it finds in <paramref name="context"/> to <paramref name="sink"/>.</summary>
    void Detect(AnalysisContext context, FindingSink sink);
}
