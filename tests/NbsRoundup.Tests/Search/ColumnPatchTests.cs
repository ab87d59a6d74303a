using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Synthetic;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Search;

/// <summary>
/// After a save the catalogue's columns are patched from the change log instead of read again. A
/// patch must give exactly the columns a full read gives: after each kind of change an editor or an
/// import makes, the patched columns are compared, entry by entry, with columns read from the tables.
/// </summary>
public sealed class ColumnPatchTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public ColumnPatchTests()
    {
        using (var db = _database.Open())
        {
            Assert.True(new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult().Applied);
        }
        new SyntheticCatalogue(1_000).WriteAsync(_database.Open).GetAwaiter().GetResult();
    }

    public void Dispose() => _database.Dispose();

    private static readonly ChangeNote Note = new("tests", "a change the columns must follow");

    /// <summary>Reads (or keeps) the columns, makes one change, and compares the patched columns with a fresh read.</summary>
    private async Task PatchedAsReadAfterAsync(Func<CatalogueDb, Task> change)
    {
        await using (var db = _database.Open())
        {
            await CatalogueColumns.ForAsync(db, CancellationToken.None);
        }
        await using (var db = _database.Open())
        {
            await change(db);
        }
        await using (var db = _database.Open())
        {
            var patched = await CatalogueColumns.ForAsync(db, CancellationToken.None);
            Assert.True(CatalogueColumns.WerePatched(db), "the columns were read again, not patched");
            var read = await CatalogueColumns.ReadFreshAsync(db, CancellationToken.None);
            Assert.Equal(Describe(read), Describe(patched));
            Assert.Equal(Organisations(read), Organisations(patched));
        }
    }

    /// <summary>Every slot as the queries see it, in order; indexes into the value tables are resolved to the values.</summary>
    private static List<string> Describe(CatalogueColumns c) =>
        Enumerable.Range(0, c.Count).Select(s => string.Join(" | ",
            c.Ids[s], c.Issues[s], c.Sections[s], c.Positions[s], c.Starts[s], c.Ends[s], c.MonthKeys[c.Months[s]], c.TopicBits[s], c.Lengths[s],
            string.Join(',', c.OrganisationOf[c.OrganisationStart[s]..c.OrganisationStart[s + 1]].Select(i => c.Organisations[i].Id).Order()),
            string.Join(',', c.PlaceOf[c.PlaceStart[s]..c.PlaceStart[s + 1]].Select(i => c.PlaceCodes[i]).Order(StringComparer.Ordinal)))).ToList();

    private static List<string> Organisations(CatalogueColumns c) =>
        c.Organisations.Select(o => $"{o.Id} {o.Slug} {o.Name} {o.ShortName} {o.NormalizedName} {o.IsPublished} {string.Join(',', o.NormalizedAliases.Order(StringComparer.Ordinal))}").ToList();

    private static Task<Entry> EntryAsync(CatalogueDb db, string slug) =>
        db.Entries.Include(e => e.Tags).Include(e => e.Organisations).ThenInclude(l => l.Organisation).SingleAsync(e => e.Slug == slug);

    private static async Task<Entry> SyntheticEntryAsync(CatalogueDb db, int skip) =>
        await EntryAsync(db, await db.Entries.Where(e => e.Slug.StartsWith("syn-")).OrderBy(e => e.Id).Skip(skip).Select(e => e.Slug).FirstAsync());

    [Fact]
    public async Task An_entry_given_another_date_moves_to_its_new_place()
    {
        await PatchedAsReadAfterAsync(async db =>
        {
            var entry = await SyntheticEntryAsync(db, 10);
            entry.Update(entry.Content with { Date = new PartialDate(1999, 3, null, "1999年3月") });
            await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
        });
    }

    [Fact]
    public async Task An_entry_moved_to_another_section_with_new_topics_places_and_organisations()
    {
        await PatchedAsReadAfterAsync(async db =>
        {
            var entry = await EntryAsync(db, "state-of-the-worlds-mangroves");
            var other = Section.All.First(s => s.Id != entry.SectionId);
            var organisations = await db.Organisations.OrderBy(o => o.Id).Take(2).ToListAsync();
            entry.Update(entry.Content with { SectionId = other.Id, Position = 99 });
            entry.SetTags(new EntryTags(["oceans", "finance"], ["BR", "143"]));
            entry.SetOrganisations(organisations);
            await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
        });
    }

    [Fact]
    public async Task An_entry_made_a_draft_leaves_and_one_deleted_leaves()
    {
        await PatchedAsReadAfterAsync(async db =>
        {
            (await SyntheticEntryAsync(db, 3)).Unpublish();
            var deleted = await SyntheticEntryAsync(db, 4);
            var issue = await db.Issues.Include(i => i.Entries).SingleAsync(i => i.Id == deleted.IssueId);
            issue.RemoveEntry(deleted);
            await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
        });
    }

    [Fact]
    public async Task An_issue_withdrawn_takes_its_entries_and_published_again_brings_them_back()
    {
        string slug = "";
        await PatchedAsReadAfterAsync(async db =>
        {
            var issue = await db.Issues.Where(i => i.Slug.StartsWith("syn-")).OrderBy(i => i.Id).Skip(2).FirstAsync();
            slug = issue.Slug;
            issue.Unpublish();
            await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
        });
        await PatchedAsReadAfterAsync(async db =>
        {
            (await db.Issues.SingleAsync(i => i.Slug == slug)).Publish();
            await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
        });
    }

    [Fact]
    public async Task A_new_issue_imported_from_Markdown_joins()
    {
        await PatchedAsReadAfterAsync(async db =>
        {
            var plan = await NewsletterImport.RunAsync(db, System.Text.Encoding.UTF8.GetBytes(SyntheticNewsletters.Issue(7001, 30)), "syn-7001.md",
                dryRun: false, "tests", CancellationToken.None);
            Assert.True(plan.Applied, string.Join("; ", plan.Diagnostics));
        });
    }

    [Fact]
    public async Task Organisations_merged_and_renamed_are_followed()
    {
        await PatchedAsReadAfterAsync(async db =>
        {
            var source = await db.Organisations.SingleAsync(o => o.Slug == "syn-org-7");
            var target = await db.Organisations.SingleAsync(o => o.Slug == "syn-org-8");
            var entries = await db.Entries.Include(e => e.Organisations).ThenInclude(l => l.Organisation)
                .Where(e => e.Organisations.Any(l => l.OrganisationId == source.Id)).ToListAsync();
            Assert.NotEmpty(entries);
            await db.SaveAuditedAsync(Note, () => source.MergeInto(target, entries), CancellationToken.None);
        });
        await PatchedAsReadAfterAsync(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Slug == "tnc")).Rename("大自然保护协会（更名）", "TNC");
            await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
        });
    }

    [Fact]
    public async Task An_organisation_given_an_alias_has_its_entries_measured_again()
    {
        // The alias goes into the index rows of the organisation's entries (their lengths change, and
        // relevance ranks with them), while the change record names the organisation alone.
        await PatchedAsReadAfterAsync(async db =>
        {
            var organisation = await db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "syn-org-9");
            Assert.True(await db.EntryOrganisations.AnyAsync(l => l.OrganisationId == organisation.Id));
            Assert.True(organisation.AddAlias("Ninth Institute of Wetland and Coastal Restoration Studies"));
            await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
        });
    }

    [Fact]
    public async Task Entries_that_appear_or_leave_without_being_named_are_followed()
    {
        // A record that names only the issue, as a change made by hand or by an older release would.
        var issue = "";
        await PatchedAsReadAfterAsync(async db =>
        {
            issue = await db.Issues.Where(i => i.Slug.StartsWith("syn-")).OrderBy(i => i.Id).Skip(3).Select(i => i.Slug).FirstAsync();
            TestEngine.Execute(_database.ConnectionString, $"UPDATE \"Issues\" SET \"IsPublished\" = {(TestEngine.IsPostgres ? "false" : "0")} WHERE \"Slug\" = '{issue}'; " +
                $"INSERT INTO \"ChangeRecords\" (\"CommittedAt\", \"Tags\") VALUES ('2026-11-30 06:00:00', 'issue:{issue}')");
        });
        await PatchedAsReadAfterAsync(db =>
        {
            TestEngine.Execute(_database.ConnectionString, $"UPDATE \"Issues\" SET \"IsPublished\" = {(TestEngine.IsPostgres ? "true" : "1")} WHERE \"Slug\" = '{issue}'; " +
                $"INSERT INTO \"ChangeRecords\" (\"CommittedAt\", \"Tags\") VALUES ('2026-11-30 06:00:01', 'issue:{issue}')");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Several_changes_since_the_kept_version_are_all_followed()
    {
        await PatchedAsReadAfterAsync(async db =>
        {
            for (var i = 20; i < 25; i++)
            {
                var entry = await SyntheticEntryAsync(db, i);
                entry.Update(entry.Content with { Date = new PartialDate(2030 + i, null, null, $"{2030 + i}年") });
                await db.SaveAuditedAsync(Note, () => { }, CancellationToken.None);
            }
        });
    }
}
