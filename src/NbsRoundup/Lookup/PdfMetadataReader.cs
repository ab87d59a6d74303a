using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace NbsRoundup.Lookup;

/// <summary>
/// Reads a PDF: its document information's Title and Author when they are real (not "Microsoft Word -
/// draft.docx"), else the largest-printed line(s) of the first page as the title, and a date printed on
/// the first page ("October 2021", "2021年10月", "2021-10-12").
/// </summary>
/// <remarks>
/// Creator and Producer name the software that made the file (Word, InDesign, Chromium), never a publisher,
/// and are not read. Nor are the file's creation and modification dates: they tell when the file was made,
/// often a re-save years after publication, so an editor is better served by no date than a wrong one.
/// </remarks>
public static class PdfMetadataReader
{
    private static readonly string[] _junkTitlePrefixes = ["microsoft word - ", "microsoft powerpoint - ", "untitled", "slide 1", "powerpoint presentation", "document1"];

    private static readonly string[] _fileExtensions = [".doc", ".docx", ".pdf", ".indd", ".ppt", ".pptx", ".odt", ".tex", ".dvi", ".qxd", ".rtf"];

    /// <summary>Reads a PDF's bytes; null when they are not a PDF PdfPig can open (broken, or encrypted with a password).</summary>
    public static LookupResult? Read(byte[] pdf, Uri address)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var found = new Found();
            var info = document.Information;
            if (IsRealTitle(info.Title))
            {
                found.Add(LookupField.Title, info.Title, MetadataSource.PdfInfo);
            }
            if (info.Author is { } author && (author.Contains(' ', StringComparison.Ordinal) || author.Any(TextScript.IsHan)))
            {
                // "jsmith" is a login name; a real name has a space, or is Chinese.
                found.AddCreator(author, MetadataSource.PdfInfo);
            }
            var text = "";
            if (document.NumberOfPages > 0)
            {
                var page = document.GetPage(1);
                found.Add(LookupField.Title, LargestLines(page), MetadataSource.PdfText);
                text = PageText(page);
                found.Add(LookupField.Date, DateReader.Find(text)?.Iso, MetadataSource.PdfText);
            }
            return found.Build(address, text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig throws many kinds of exception on broken or encrypted files; all mean "cannot read".
            return null;
        }
    }

    internal static bool IsRealTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length < 3)
        {
            return false;
        }
        var lower = title.Trim().ToLowerInvariant();
        return !_junkTitlePrefixes.Any(lower.StartsWith)
            && !_fileExtensions.Any(lower.EndsWith)
            && lower.Any(char.IsLetter);
    }

    /// <summary>
    /// The title printed on a cover or first page: the words in the largest size (within 10 %), in reading
    /// order, taken while the lines follow each other closely; a line of fewer than four letters (a logo's
    /// initials, a page number) does not count as the largest text.
    /// </summary>
    private static string? LargestLines(Page page)
    {
        var words = page.GetWords()
            .Where(w => w.Letters.Count > 0 && !string.IsNullOrWhiteSpace(w.Text))
            .Select(w => (Word: w, Size: w.Letters.Max(l => l.PointSize), Baseline: w.BoundingBox.Bottom))
            .ToList();
        var lines = words
            .GroupBy(w => (Size: Math.Round(w.Size, 1), Baseline: Math.Round(w.Baseline)))
            .Select(g => (g.Key.Size, g.Key.Baseline, Text: JoinWords(g.OrderBy(w => w.Word.BoundingBox.Left).Select(w => TextScript.FoldRadicals(w.Word.Text)))))
            .Where(l => l.Text.Count(char.IsLetter) >= 4)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }
        var largest = lines.Max(l => l.Size);
        var titleLines = lines.Where(l => l.Size >= largest * 0.9).OrderByDescending(l => l.Baseline).ToList();
        var taken = new List<string> { titleLines[0].Text };
        for (var i = 1; i < titleLines.Count; i++)
        {
            // PDF coordinates grow upwards: the next line down has a smaller baseline.
            if (titleLines[i - 1].Baseline - titleLines[i].Baseline > largest * 2.2)
            {
                break;
            }
            taken.Add(titleLines[i].Text);
        }
        var title = JoinWords(taken);
        return title.Length <= 300 ? title : null;
    }

    private static string PageText(Page page)
    {
        var sb = new StringBuilder();
        foreach (var word in page.GetWords())
        {
            sb.Append(word.Text).Append(' ');
        }
        return TextScript.CollapseWhitespace(TextScript.FoldRadicals(sb.ToString()));
    }

    /// <summary>Words joined by spaces, except between Han characters, which Chinese writes without.</summary>
    private static string JoinWords(IEnumerable<string> words)
    {
        var sb = new StringBuilder();
        foreach (var word in words.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            if (sb.Length > 0 && !(TextScript.IsHan(sb[^1]) && TextScript.IsHan(word[0])))
            {
                sb.Append(' ');
            }
            sb.Append(word);
        }
        return sb.ToString();
    }
}
