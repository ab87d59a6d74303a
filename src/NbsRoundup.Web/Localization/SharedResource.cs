namespace NbsRoundup.Web.Localization;

/// <summary>
/// Marker for the interface strings. Keys are the English text, so English needs no
/// resource file; Resources/Localization.SharedResource.zh-CN.resx holds the Chinese.
/// </summary>
public sealed class SharedResource;
