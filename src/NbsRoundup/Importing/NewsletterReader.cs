using System.Text;

namespace NbsRoundup.Importing;

/// <summary>
/// Turns a file's bytes into text the parser can trust: strict UTF-8, no BOM,
/// LF line endings, no control characters, and a size limit.
/// </summary>
public static class NewsletterReader
{
    /// <summary>Largest newsletter file accepted, in bytes (1 MB).</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes and checks the bytes; returns null (and reports why) when they cannot be imported.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > MaxBytes)
        {
            diagnostics.Error(1, $"the file is {bytes.Length:N0} bytes; a newsletter file may be at most {MaxBytes:N0} bytes (1 MB)");
            return null;
        }
        string text;
        try
        {
            text = _strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? ex.Index : 0;
            diagnostics.Error(LineOfByte(bytes, at), $"the file is not valid UTF-8 (byte {at:N0} cannot be decoded); save it as UTF-8");
            return null;
        }
        return Prepare(text, diagnostics);
    }

    /// <summary>Checks decoded text and brings it to the form the parser expects (no BOM, LF only).</summary>
    public static string? Prepare(string text, DiagnosticBag diagnostics)
    {
        // A BOM left in the text turns the first line into a paragraph; it carries nothing.
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(1, "the file is empty");
            return null;
        }
        if (text.Length > MaxBytes)
        {
            diagnostics.Error(1, $"the text is {text.Length:N0} characters; a newsletter file may be at most {MaxBytes:N0} bytes (1 MB)");
            return null;
        }
        return CheckControlCharacters(text, diagnostics) ? text : null;
    }

    private static bool CheckControlCharacters(string text, DiagnosticBag diagnostics)
    {
        var line = 1;
        var column = 0;
        var found = 0;
        foreach (var c in text)
        {
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                continue;
            }
            if (c != '\t' && (char.IsControl(c) || c == '\uFFFE' || c == '\uFFFF'))
            {
                if (found++ < 5)
                {
                    diagnostics.Error(line, $"control character U+{(int)c:X4} at column {column} is not allowed in a newsletter");
                }
            }
        }
        return found == 0;
    }

    private static int LineOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        foreach (var b in bytes[..Math.Min(index, bytes.Length)])
        {
            if (b == (byte)'\n')
            {
                line++;
            }
        }
        return line;
    }
}
