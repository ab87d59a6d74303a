namespace NbsRoundup.Browser.Tests;

/// <summary>Who is reading: the browser's language and window, and whether scripts run.</summary>
public sealed record Reader(string Locale, int Width, int Height, bool JavaScript = true)
{
    public static readonly Reader Desktop = new("zh-CN", 1280, 800);
    public static readonly Reader EnglishDesktop = new("en-GB", 1280, 800);
    public static readonly Reader SmallPhone = new("zh-CN", 360, 740);
}
