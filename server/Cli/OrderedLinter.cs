using Cnaemo.NoteLsp.Rules.Engine;
using Cnaemo.NoteLsp.Rules.Model;
using Cnaemo.NoteLsp.Rules.Text;

namespace Cnaemo.NoteLsp.Server.Cli;

/// <summary>
/// Lints the documents of a batch on several cores and hands them back in input order, so the report is the same as a
/// one-by-one run. At most a few documents per core are read ahead and held, whatever the size of the folder: each is
/// dropped once its report is written.
/// </summary>
public static class OrderedLinter
{
    /// <summary>
    /// The documents, checked, in the order of <paramref name="inputs"/>. An input that could not be read comes back
    /// with no findings and its error. With one worker, documents are linted one after the other on the calling thread.
    /// </summary>
    public static IEnumerable<CheckedDocument> Lint(RuleEngine engine, IEnumerable<InputDocument> inputs, Func<InputDocument, LintOptions> optionsFor, int workers)
    {
        if (workers <= 1)
        {
            foreach (var input in inputs)
            {
                yield return Check(engine, input, optionsFor(input));
            }

            yield break;
        }

        // The engine is pure and thread-safe. Reading the next files and writing the reports stay on this thread, which
        // overlaps them with linting.
        var inFlight = new Queue<Task<CheckedDocument>>();
        foreach (var input in inputs)
        {
            // The options are found here, on the calling thread, in input order: each configuration file is read once.
            var options = optionsFor(input);
            inFlight.Enqueue(Task.Run(() => Check(engine, input, options)));
            if (inFlight.Count >= workers * 2)
            {
                yield return inFlight.Dequeue().GetAwaiter().GetResult();
            }
        }

        while (inFlight.Count > 0)
        {
            yield return inFlight.Dequeue().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// One document checked. A failure of the engine on one document (a bug, or no memory left for a huge one) is
    /// that document's named error, and the run goes on; the error gives the exception's type only, since its
    /// message could quote the text.
    /// </summary>
    private static CheckedDocument Check(RuleEngine engine, InputDocument input, LintOptions options)
    {
        if (input.Text is null)
        {
            return new CheckedDocument(input, [], new LineIndex(""));
        }

        try
        {
            return new CheckedDocument(input, engine.Lint(input.Text, options with { Format = input.Format }), new LineIndex(input.Text));
        }
#pragma warning disable CA1031 // One document's failure must not end the run over the others.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new CheckedDocument(input with { Text = null, Error = $"erreur interne pendant l'analyse ({e.GetType().Name})" }, [], new LineIndex(""));
        }
    }
}
