namespace NbsRoundup.Catalogue;

/// <summary>What readers may see: published entries of published issues. Every reader-facing query starts here.</summary>
public static class Visibility
{
    public static IQueryable<Entry> Published(this IQueryable<Entry> entries) =>
        entries.Where(e => e.IsPublished && e.Issue.IsPublished);

    public static IQueryable<Issue> Published(this IQueryable<Issue> issues) =>
        issues.Where(i => i.IsPublished);
}
