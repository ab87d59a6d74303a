namespace NbsRoundup.Catalogue;

/// <summary>What readers may see: published entries of published issues, and the organisations they name. Every reader-facing query starts here.</summary>
public static class Visibility
{
    public static IQueryable<Entry> Published(this IQueryable<Entry> entries) =>
        entries.Where(e => e.IsPublished && e.Issue.IsPublished);

    public static IQueryable<Issue> Published(this IQueryable<Issue> issues) =>
        issues.Where(i => i.IsPublished);

    /// <summary>Issues in the order every list of them uses: newest edition first, then the later-made.</summary>
    public static IOrderedQueryable<Issue> NewestFirst(this IQueryable<Issue> issues) =>
        issues.OrderByDescending(i => i.Year).ThenByDescending(i => i.Month).ThenByDescending(i => i.Id);

    /// <summary>
    /// Organisations named by at least one entry readers may see: one named only by drafts is as
    /// invisible as they are (its name, its page, its count). `entries` is the store's entry set.
    /// </summary>
    public static IQueryable<Organisation> Published(this IQueryable<Organisation> organisations, IQueryable<Entry> entries)
    {
        // Composed outside the lambda: EF inlines a captured query, not a call that makes one.
        var visible = entries.Published();
        return organisations.Where(o => visible.Any(e => e.Organisations.Any(eo => eo.OrganisationId == o.Id)));
    }
}
