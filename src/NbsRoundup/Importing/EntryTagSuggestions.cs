using NbsRoundup.Catalogue;
using NbsRoundup.Discovery;
using NbsRoundup.Rendering;

namespace NbsRoundup.Importing;

/// <summary>
/// The tags an entry gets when it is saved: the ones a file or an editor gives, curated; or, for an
/// entry given none at all, the ones TagSuggester finds in its titles, summary and organisations'
/// names, marked as suggested until an editor confirms them. An import, the upload preview and the
/// entry forms all decide it here.
/// </summary>
public static class EntryTagSuggestions
{
    /// <summary>The tags to store and whether they are suggestions.</summary>
    public static (EntryTags Tags, bool Suggested) Decide(EntryTags given, EntryContent content, IEnumerable<Organisation> organisations) =>
        given.IsEmpty ? (For(content, organisations), true) : (given, false);

    /// <summary>
    /// The tags an editor's form saves: as <see cref="Decide"/> does, except that an entry whose
    /// suggested tags come back unchanged keeps them as suggestions unless the editor confirms them;
    /// tags the editor changed are curated.
    /// </summary>
    public static (EntryTags Tags, bool Suggested) FromForm(Entry? entry, EntryTags given, bool confirm, EntryContent content, IEnumerable<Organisation> organisations) =>
        !given.IsEmpty && !confirm && entry is { HasSuggestedTags: true } && given.Equals(entry.TagKeys)
            ? (given, true)
            : Decide(given, content, organisations);

    /// <summary>Suggested topics (in display order) and places (in display order) for an entry's content.</summary>
    public static EntryTags For(EntryContent content, IEnumerable<Organisation> organisations)
    {
        var names = organisations.SelectMany(o => new[] { o.Name, o.ShortName }.Concat(o.Aliases.Select(a => a.Name))).OfType<string>();
        var suggestions = TagSuggester.Suggest(content.Title, content.OriginalTitle, MarkdownRenderer.ToPlainText(content.Summary), names);
        return new EntryTags(Topics.Ordered(suggestions.TopicKeys), Places.Ordered(suggestions.PlaceCodes));
    }

    /// <summary>Which of "topics" and "places" a save of these tags changes, as the audit log names them.</summary>
    public static IEnumerable<string> Fields(Entry entry, EntryTags tags, bool suggested)
    {
        if (!entry.Topics.Select(t => t.Key).Order(StringComparer.Ordinal).SequenceEqual(tags.Topics.Order(StringComparer.Ordinal))
            || entry.Topics.Any(t => t.IsSuggested != suggested))
        {
            yield return "topics";
        }
        if (!entry.Places.Select(p => p.Key).Order(StringComparer.Ordinal).SequenceEqual(tags.Places.Order(StringComparer.Ordinal))
            || entry.Places.Any(p => p.IsSuggested != suggested))
        {
            yield return "places";
        }
    }

    /// <summary>True when an entry's stored tags differ from what a save would give it (other tags, or curated where suggested).</summary>
    public static bool Differ(Entry entry, EntryTags tags, bool suggested) => Fields(entry, tags, suggested).Any();
}
