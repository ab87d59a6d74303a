namespace NbsRoundup.Web.Reading;

/// <summary>
/// The addresses of the portal's reader pages, built in one place: pages, feeds, the API, exports
/// and the sitemap all link to these (the routes themselves are the pages' @page directives).
/// </summary>
public static class Paths
{
    public const string Entries = "/entries";

    public static string Issue(string slug) => "/issues/" + Uri.EscapeDataString(slug);

    public static string Entry(string slug) => "/entries/" + Uri.EscapeDataString(slug);

    public static string Section(string key) => "/sections/" + Uri.EscapeDataString(key);

    public static string Organisation(string slug) => "/organisations/" + Uri.EscapeDataString(slug);

    public const string Topics = "/topics";

    public static string Topic(string key) => "/topics/" + Uri.EscapeDataString(key);

    public static string TopicFeed(string key) => Topic(key) + "/feed";

    public const string Places = "/places";

    public static string Place(string code) => "/places/" + Uri.EscapeDataString(code);

    public static string PlaceFeed(string code) => Place(code) + "/feed";

    /// <summary>An entry with its topics, places and related entries, as JSON.</summary>
    public static string ApiEntry(string slug) => "/api/entries/" + Uri.EscapeDataString(slug);

    /// <summary>An absolute address under the portal's public base ("https://nbs.example.org/" + "/issues/2021-11"), keeping any path base.</summary>
    public static string Absolute(Uri baseUrl, string path) => baseUrl.ToString().TrimEnd('/') + path;
}
