using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;

namespace NbsRoundup.Importing;

/// <summary>
/// Writes a checked newsletter into the catalogue: matches the issue and its entries by slug,
/// updates what changed, adds what is new and keeps what the file no longer holds. Everything
/// is checked before anything is written, then written in one transaction together with one
/// change set of the audit log naming the file and the actor; a dry run writes nothing.
/// </summary>
public sealed class CatalogueImporter(CatalogueDb db, string actor = "import")
{
    public async Task<ImportPlan> ImportAsync(NewsletterDocument document, bool dryRun, CancellationToken ct = default)
    {
        var diagnostics = new DiagnosticBag(document.File);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var issue = await db.Issues
            .Include(i => i.SectionIntros)
            .Include(i => i.Entries).ThenInclude(e => e.Organisations).ThenInclude(eo => eo.Organisation)
            .Include(i => i.Entries).ThenInclude(e => e.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Slug == document.Slug, ct);
        var issueIsNew = issue is null;
        var issueFields = issue is null ? [] : IssueDiff(issue.Details, document.Details);
        if (issue is not null && issue.IsPublished == document.IsDraft)
        {
            issueFields.Add("draft");
        }
        await CheckSlugsElsewhereAsync(document, issue?.Id, diagnostics, ct);

        var organisations = await OrganisationResolver.ForNamesAsync(db,
            document.Organisations.SelectMany(d => new[] { d.Slug, d.Name, d.ShortName }.Concat(d.Aliases))
                .Concat(document.Entries.SelectMany(e => e.OrganisationNames)), ct);
        // Everything the import may change is loaded and tracked now: the audit record is what differs from here.
        var edit = AuditedEdit.Begin(db);
        foreach (var definition in document.Organisations)
        {
            organisations.Define(definition, diagnostics);
        }

        issue ??= new Issue(document.Slug, document.Details);
        issue.Update(document.Details);
        issue.SetDraft(document.IsDraft);
        foreach (var section in Section.All)
        {
            var intro = document.SectionIntros.GetValueOrDefault(section.Id, "");
            var current = issue.SectionIntros.FirstOrDefault(s => s.SectionId == section.Id)?.Markdown ?? "";
            if (intro != current)
            {
                // A new issue has nothing that changes: all of it is new.
                if (!issueIsNew)
                {
                    issueFields.Add($"introduction to {section.Key}");
                }
                issue.SetSectionIntro(section.Id, intro);
            }
        }

        var changes = new List<EntryChange>();
        foreach (var item in document.Entries)
        {
            var wanted = item.OrganisationNames.Select(organisations.Resolve).ToList();
            var (tags, suggested) = EntryTagSuggestions.Decide(item.Tags, item.Content, wanted);
            var entry = issue.Entries.FirstOrDefault(e => e.Slug == item.Slug);
            if (entry is null)
            {
                entry = issue.AddEntry(item.Slug, item.Content);
                entry.SetOrganisations(wanted);
                entry.SetDraft(item.IsDraft);
                entry.SetTags(tags, suggested);
                changes.Add(new EntryChange(ChangeKind.Added, item.Slug, item.Content.Title, []) { Suggested = suggested ? tags : null });
                continue;
            }
            var fields = EntryDiff(entry.Content, item.Content);
            if (!entry.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation).SequenceEqual(wanted))
            {
                fields.Add("organisations");
            }
            if (entry.IsPublished == item.IsDraft)
            {
                fields.Add("draft");
            }
            var tagsChange = EntryTagSuggestions.Differ(entry, tags, suggested);
            if (tagsChange)
            {
                fields.AddRange(EntryTagSuggestions.Fields(entry, tags, suggested));
            }
            if (fields.Count > 0)
            {
                entry.Update(item.Content);
                entry.SetOrganisations(wanted);
                entry.SetDraft(item.IsDraft);
                entry.SetTags(tags, suggested);
            }
            changes.Add(new EntryChange(fields.Count > 0 ? ChangeKind.Changed : ChangeKind.Unchanged, item.Slug, item.Content.Title, fields)
            {
                Suggested = suggested && tagsChange ? tags : null,
            });
        }
        var inFile = document.Entries.Select(e => e.Slug).ToHashSet();
        changes.AddRange(issue.Entries.Where(e => !inFile.Contains(e.Slug))
            .Select(e => new EntryChange(ChangeKind.Kept, e.Slug, e.Title, [])));
        db.Organisations.AddRange(organisations.Created);

        var plan = new ImportPlan(document.File, document.Slug, issueIsNew, issueFields, changes,
            organisations.Changes, diagnostics.Items, Applied: false);
        if (dryRun || plan.HasErrors || !plan.HasChanges)
        {
            // Nothing written: forget every tracked change so the context stays clean.
            db.ChangeTracker.Clear();
            return plan;
        }
        if (issueIsNew)
        {
            // Tracked once built, in one pass over its entries.
            db.Issues.Add(issue);
        }
        await edit.SaveAsync(new ChangeNote(actor, $"Imported {document.File}", document.File), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return plan with { Applied = true };
    }

    private async Task CheckSlugsElsewhereAsync(NewsletterDocument document, int? issueId, DiagnosticBag diagnostics, CancellationToken ct)
    {
        var slugs = document.Entries.Select(e => e.Slug).ToList();
        var taken = await db.Entries
            .Where(e => slugs.Contains(e.Slug) && e.IssueId != issueId)
            .Select(e => new { e.Slug, Issue = e.Issue.Slug })
            .ToListAsync(ct);
        foreach (var clash in taken)
        {
            var line = document.Entries.First(e => e.Slug == clash.Slug).Line;
            diagnostics.Error(line, $"slug '{clash.Slug}' is already used by an entry of issue {clash.Issue}; give this entry another slug");
        }
    }

    private static List<string> IssueDiff(IssueDetails before, IssueDetails after)
    {
        var fields = new List<string>();
        Compare(fields, "title", before.Title, after.Title);
        Compare(fields, "title_en", before.TitleEn, after.TitleEn);
        Compare(fields, "publisher", before.Publisher, after.Publisher);
        Compare(fields, "year", before.Year, after.Year);
        Compare(fields, "month", before.Month, after.Month);
        Compare(fields, "volume", before.Volume, after.Volume);
        Compare(fields, "number", before.Number, after.Number);
        Compare(fields, "introduction", before.Introduction, after.Introduction);
        return fields;
    }

    internal static List<string> EntryDiff(EntryContent before, EntryContent after)
    {
        var fields = new List<string>();
        Compare(fields, "section", before.SectionId, after.SectionId);
        Compare(fields, "position", before.Position, after.Position);
        Compare(fields, "subheading", before.Subheading, after.Subheading);
        Compare(fields, "title", before.Title, after.Title);
        Compare(fields, "original", before.OriginalTitle, after.OriginalTitle);
        Compare(fields, "summary", before.Summary, after.Summary);
        Compare(fields, "link", before.WrittenLink, after.WrittenLink);
        Compare(fields, "authors", before.Authors, after.Authors);
        Compare(fields, "speaker", before.Speaker, after.Speaker);
        Compare(fields, "date", before.Date, after.Date);
        return fields;
    }

    private static void Compare<T>(List<string> fields, string name, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            fields.Add(name);
        }
    }
}
