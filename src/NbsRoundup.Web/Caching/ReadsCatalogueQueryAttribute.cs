namespace NbsRoundup.Web.Caching;

/// <summary>
/// Marks a page or endpoint whose answer depends on the catalogue query (CatalogueQuery.Parameters):
/// its cached answers vary by those parameters. Every other answer ignores the query string, which
/// is then neither a cache key nor carried into links the page makes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadsCatalogueQueryAttribute : Attribute
{
    public static bool Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ReadsCatalogueQueryAttribute>() is not null;

    /// <summary>This page's own address for links back to it (the language switch): its path, and its query when it reads one.</summary>
    public static string Here(HttpContext context) =>
        context.Request.Path + (Of(context) ? context.Request.QueryString : QueryString.Empty);
}
