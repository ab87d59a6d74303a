namespace NbsRoundup.Browser.Tests;

/// <summary>
/// The pages every page-wide check visits: axe in both languages, the 360 px layout and the
/// same-origin rule. A new page (the catalogue, sign-in, an entry form) is one more line here.
/// </summary>
public static class ReaderPages
{
    public static TheoryData<string> All =>
    [
        "/",
        "/issues/2021-11",
        "/entries/unep-iucn-nbs-climate-mitigation",
        "/sections/cop26",
        "/organisations/tnc",
        "/entries?q=湿地",
        "/account/sign-in",
    ];
}
