using System.Text;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Lookup;

/// <summary>
/// Turns a page's bytes into text: a byte-order mark, else the charset of the HTTP header, else a
/// <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c>, else UTF-8 when the bytes are
/// valid UTF-8, else GB18030 (old Chinese sites that declare nothing are in GBK, which GB18030 contains).
/// Labels follow the WHATWG Encoding Standard where .NET differs: gb2312, gbk and their aliases decode as
/// GB18030, latin1 and ascii as windows-1252. A byte-order mark comes before the header, as in the HTML
/// standard: it cannot be there by accident, while a server's default charset often is.
/// </summary>
public static class HtmlDecoding
{
    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Only the head matters for the declaration; browsers look at the first 1024 bytes, CMS templates
    // sometimes put it later.
    private const int PrescanBytes = 64 * 1024;

    /// <summary>The page's text and the encoding it was read in.</summary>
    public static (string Text, Encoding Encoding) Decode(byte[] body, string? headerCharset)
    {
        if (Bom(body) is { } bom)
        {
            return (bom.Encoding.GetString(body, bom.Length, body.Length - bom.Length), bom.Encoding);
        }
        if (Resolve(headerCharset) is { } fromHeader)
        {
            return (fromHeader.GetString(body), fromHeader);
        }
        if (Resolve(DeclaredCharset(body)) is { } declared)
        {
            return (declared.GetString(body), declared);
        }
        try
        {
            return (_strictUtf8.GetString(body), Encoding.UTF8);
        }
        catch (DecoderFallbackException)
        {
            var gb = Encoding.GetEncoding(54936);
            return (gb.GetString(body), gb);
        }
    }

    /// <summary>An encoding for a charset label, or null for an unknown one.</summary>
    public static Encoding? Resolve(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        name = name switch
        {
            "gb2312" or "gbk" or "x-gbk" or "chinese" or "csgb2312" or "iso-ir-58" or "gb_2312-80" or "gb_2312" => "gb18030",
            "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252" => "windows-1252",
            "utf8" => "utf-8",
            // A page cannot declare itself UTF-16 in an ASCII meta tag it could be read by; browsers take UTF-8.
            "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
            _ => name,
        };
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The charset a page declares in its own markup. The head is parsed as windows-1252, which keeps every
    /// ASCII byte where it is, so the declaration reads the same whatever the real encoding.
    /// </summary>
    public static string? DeclaredCharset(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, PrescanBytes));
        var document = new HtmlParser().ParseDocument(head);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            if (meta.GetAttribute("charset") is { Length: > 0 } charset)
            {
                return charset;
            }
            if (string.Equals(meta.GetAttribute("http-equiv"), "content-type", StringComparison.OrdinalIgnoreCase)
                && meta.GetAttribute("content") is { } content)
            {
                foreach (var part in content.Split(';'))
                {
                    var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                    if (pair.Length == 2 && pair[0].Equals("charset", StringComparison.OrdinalIgnoreCase))
                    {
                        return pair[1];
                    }
                }
            }
        }
        return null;
    }

    private static (Encoding Encoding, int Length)? Bom(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };
}
