using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using NbsRoundup.Lookup;
using NbsRoundup.Search;
using NbsRoundup.Web.Areas.Admin.Forms;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

/// <summary>
/// What the entry forms do besides saving: fill the fields from a link (nothing saved), and, before a save,
/// show what the editor should see first (entries the catalogue may already hold, a date that does not
/// exist). A save with warnings is held back once; saving again with the same warnings saves.
/// </summary>
public sealed class EntryAssistant(LinkLookup lookup, CatalogueDb db, IStringLocalizer<SharedResource> t)
{
    /// <summary>
    /// Fills the form from the address or DOI in its link field: each field the link gives, marked with its
    /// source. Filling again from the same link fills only the fields left blank, so nothing typed since is lost.
    /// </summary>
    public async Task<EntryNotes> FillAsync(EntryInput input, string? exceptSlug, ModelStateDictionary modelState, CancellationToken ct)
    {
        // The form shows the filled values, not the ones posted.
        modelState.Clear();
        var notes = new EntryNotes();
        if (FormText.Blank(input.Link) is not { } given)
        {
            modelState.AddModelError("Input.Link", t["Paste a web address or a DOI here first, then fill the form from it."]);
            return notes;
        }
        var outcome = await lookup.LookupAsync(given, ct);
        if (!outcome.Succeeded)
        {
            modelState.AddModelError("Input.Link", Problem(outcome.Failure));
            return notes;
        }
        var found = outcome.Value;
        var fill = await LinkFill.ResolveAsync(db, found, exceptSlug, ct);
        var again = input.FilledFrom is not null && input.FilledFrom == given;
        void Fill(string field, string? current, string? value, LookupField from, Action<string> apply)
        {
            if (value is null || (again && !string.IsNullOrWhiteSpace(current)))
            {
                return;
            }
            apply(value);
            var before = FormText.Blank(current);
            notes.Filled[field] = new FilledField(Source(found, from), before is not null && before != value ? before : null);
        }
        Fill(nameof(EntryInput.Title), input.Title, found.Title, LookupField.Title, v => input.Title = v);
        Fill(nameof(EntryInput.OriginalTitle), input.OriginalTitle, found.OriginalTitle, LookupField.OriginalTitle, v => input.OriginalTitle = v);
        Fill(nameof(EntryInput.Organisations), input.Organisations, fill.Organisations.Count == 0 ? null : string.Join("; ", fill.Organisations.Select(o => o.Name)),
            LookupField.Organisations, v => input.Organisations = v);
        Fill(nameof(EntryInput.Authors), input.Authors, AuthorsAsWritten(found.Authors), LookupField.Authors, v => input.Authors = v);
        Fill(nameof(EntryInput.Date), input.Date, found.DateText, LookupField.Date, v => input.Date = v);
        Fill(nameof(EntryInput.Link), again ? null : input.Link, found.Link, LookupField.Link, v => input.Link = v);
        input.LinkAwaited = false;
        input.FilledFrom = input.Link;
        notes.Organisations = fill.Organisations;
        notes.Duplicates = fill.Duplicates;
        return notes;
    }

    /// <summary>What a save should show first: the date's warning, and (when the link or a title is new) entries that may be the same item.</summary>
    public async Task<EntryNotes> CheckAsync(EntryInput input, Issue issue, string? exceptSlug, bool findDuplicates, CancellationToken ct) => new()
    {
        DateWarning = input.DateWarning(issue, t),
        Duplicates = findDuplicates
            ? await Duplicates.FindAsync(db, FormText.Blank(input.Link), input.Title.Trim(), FormText.Blank(input.OriginalTitle), exceptSlug, ct)
            : [],
    };

    /// <summary>
    /// True when the save must wait: there are warnings the editor has not seen yet. The form then carries
    /// their fingerprint, and saving it again as it is goes through.
    /// </summary>
    public static bool HoldBack(EntryInput input, EntryNotes notes, ModelStateDictionary modelState)
    {
        if (!notes.HasWarnings || input.WarningsSeen == notes.Fingerprint())
        {
            return false;
        }
        input.WarningsSeen = notes.Fingerprint();
        modelState.Remove("Input.WarningsSeen");
        notes.HeldBack = true;
        return true;
    }

    /// <summary>Authors as the newsletter writes them: one or two names, or the first and "et al." ("等" after a Chinese name).</summary>
    public static string? AuthorsAsWritten(IReadOnlyList<string> authors) => authors.Count switch
    {
        0 => null,
        1 => authors[0],
        2 => authors[0] + ", " + authors[1],
        _ => Names.HasCjk(authors[0]) ? authors[0] + "等" : authors[0] + " et al.",
    };

    private string Source(LookupResult found, LookupField field) =>
        found.Sources.TryGetValue(field, out var source) ? t["filled from the link: {0}", SourceName(source)] : t["filled from the link"];

    private string SourceName(MetadataSource source) => source switch
    {
        MetadataSource.Doi => t["the DOI's record"],
        MetadataSource.Citation => t["citation_* meta tags"],
        MetadataSource.JsonLd => "JSON-LD",
        MetadataSource.DublinCore => "Dublin Core",
        MetadataSource.GovernmentCms => t["the government site's meta tags"],
        MetadataSource.OpenGraph => "OpenGraph",
        MetadataSource.Html => t["the page's HTML"],
        MetadataSource.PdfInfo => t["the PDF's document information"],
        MetadataSource.PdfText => t["the PDF's first page"],
        MetadataSource.Http => t["the address after redirects"],
        _ => t["the text's script"],
    };

    /// <summary>Why the link gave nothing, in the editor's language, with the fetcher's one line (the address without its query).</summary>
    private string Problem(LookupFailure failure)
    {
        var reason = failure.Kind switch
        {
            FailureKind.InvalidInput => t["This is neither a web address (http or https) nor a DOI."],
            FailureKind.RefusedAddress => t["The portal does not fetch this address: it leads to this machine, a private network or a cloud metadata service."],
            FailureKind.UnknownHost => t["No site answers to this name."],
            FailureKind.ConnectionFailed => t["The site could not be reached."],
            FailureKind.TooManyRedirects => t["The address sends the portal on too many times (more than 5 redirects)."],
            FailureKind.Timeout => t["The site gave no complete answer within 10 seconds."],
            FailureKind.TooLarge => t["The document is larger than 5 MB, the most the portal reads."],
            FailureKind.HttpStatus => t["The site answered with an error ({0}).", failure.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"],
            FailureKind.UnsupportedContentType => t["This is not a web page, a PDF or a DOI record."],
            _ => t["The document could not be read."],
        };
        return reason + " (" + failure.Message + ")";
    }
}
