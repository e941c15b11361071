namespace Cnaemo.NoteLsp.Server.Cli.Office;

/// <summary>Where a paragraph of an office document starts in the extracted text, and which part of the file holds it.</summary>
/// <param name="Start">UTF-16 offset of the paragraph's first character in <see cref="ExtractedText.Text"/>.</param>
/// <param name="Part">The part of the document, in French, as a user would name it ("corps du texte", "en-tête"...).</param>
public readonly record struct ExtractedParagraph(int Start, string Part);

/// <summary>
/// The text of a word-processor document: one paragraph after another, separated by a blank line so that the engine
/// sees each paragraph as its own block, exactly as it sees the paragraphs of a Markdown file.
/// </summary>
public sealed record ExtractedText(string Text, IReadOnlyList<ExtractedParagraph> Paragraphs)
{
    /// <summary>The index of the paragraph that holds <paramref name="offset"/>.</summary>
    public int ParagraphAt(int offset)
    {
        int low = 0, high = Paragraphs.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Paragraphs[middle].Start <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}

/// <summary>A word-processor file that cannot be read; the message is French and names no document content.</summary>
public sealed class OfficeDocumentException(string message) : Exception(message);
