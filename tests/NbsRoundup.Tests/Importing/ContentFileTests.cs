using NbsRoundup.Catalogue;
using NbsRoundup.Importing;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Importing;

/// <summary>The real 2021-11 issue, read by the parser.</summary>
public class ContentFileTests
{
    private readonly NewsletterDocument _issue = ContentFiles.Parse(ContentFiles.Vol3);

    private EntryDocument Entry(string slug) => _issue.Entries.Single(e => e.Slug == slug);

    [Fact]
    public void The_issue_is_vol3_of_november_2021()
    {
        Assert.Equal("2021-11", _issue.Slug);
        Assert.Equal("基于自然的解决方案通讯 2021年11月", _issue.Details.Title);
        Assert.Equal((2021, 11, 3, 3), (_issue.Details.Year, _issue.Details.Month, _issue.Details.Volume, _issue.Details.Number));
        Assert.StartsWith("基于自然的解决方案(NbS)是对自然和人工生态系统", _issue.Details.Introduction);
    }

    [Fact]
    public void Every_section_holds_every_item_of_the_newsletter()
    {
        var counts = Section.All.ToDictionary(s => s.Key, s => _issue.Entries.Count(e => e.Content.SectionId == s.Id));

        Assert.Equal(5, counts["standards"]);
        Assert.Equal(14, counts["research"]);
        Assert.Equal(14, counts["cop26"]);
        Assert.Equal(16, counts["cop15"]);
        Assert.Equal(13, counts["policy"]);
        Assert.Equal(5, counts["cooperation"]);
        Assert.Equal(3, counts["events"]);
    }

    [Fact]
    public void Sub_headings_group_commitments_views_and_policy()
    {
        int Count(string section, string subheading) =>
            _issue.Entries.Count(e => e.Content.SectionId == Section.Find(section)!.Id && e.Content.Subheading == subheading);

        Assert.Equal(8, Count("cop26", "新的承诺"));
        Assert.Equal(5, Count("cop26", "多方观点"));
        Assert.Equal(7, Count("cop15", "新的承诺"));
        Assert.Equal(5, Count("cop15", "多方观点"));
        Assert.Equal(5, Count("policy", "国际"));
        Assert.Equal(3, Count("policy", "国内"));
        // The five documents of 24-28 October under the heading the newsletter printed over them.
        Assert.Equal(5, Count("policy", "中国连发五份应对气候变化重要文件，10月24日-10月28日"));
    }

    [Fact]
    public void Positions_follow_the_newsletter_order_within_each_section()
    {
        foreach (var section in _issue.Entries.GroupBy(e => e.Content.SectionId))
        {
            Assert.Equal(Enumerable.Range(1, section.Count()), section.Select(e => e.Content.Position));
        }
        Assert.Equal("corporate-net-zero-standard", _issue.Entries[0].Slug);
    }

    [Fact]
    public void Dates_keep_the_source_text_and_their_precision()
    {
        var pettorelli = Entry("pettorelli-climate-biodiversity-science-policy-agendas").Content.Date!;
        Assert.Equal(("2021-09-21", DatePrecision.Day, "2021, 9月21日"), (pettorelli.Iso, pettorelli.Precision, pettorelli.Text));

        var netZero = Entry("corporate-net-zero-standard").Content.Date!;
        Assert.Equal(("2021-10", DatePrecision.Month), (netZero.Iso, netZero.Precision));

        Assert.Equal("2021-08-25", Entry("asia-biodiversity-carbon-conservation-priorities").Content.Date!.Iso);
        Assert.Null(Entry("cop26-glasgow-climate-pact").Content.Date);
    }

    [Fact]
    public void The_impossible_31_september_is_a_month_with_a_warning()
    {
        var date = Entry("uk-footprint-on-global-biodiversity").Content.Date!;
        Assert.Equal(("2021-09", DatePrecision.Month, "9 月 31 日"), (date.Iso, date.Precision, date.Text));

        var warnings = NewsletterParser.Parse(ContentFiles.Text(ContentFiles.Vol3), "vol3.md").Diagnostics;
        var warning = Assert.Single(warnings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("9 月 31 日", warning.Message);
        Assert.Equal(LineOf("date: 9 月 31 日"), warning.Line);
    }

    [Fact]
    public void Titles_carry_the_original_language_title_where_the_source_gives_one()
    {
        var netZero = Entry("corporate-net-zero-standard").Content;
        Assert.Equal("《企业净零标准》", netZero.Title);
        Assert.Equal("Corporate Net-zero Standard", netZero.OriginalTitle);
        Assert.Null(Entry("mangrove-ecological-restoration-handbook").Content.OriginalTitle);
    }

    [Fact]
    public void Authors_stay_authors_and_organisations_are_named_separately()
    {
        var paper = Entry("nbs-no-regret-pathway-carbon-neutrality");
        Assert.Equal("曾楠等", paper.Content.Authors);
        Assert.Empty(paper.OrganisationNames);

        Assert.Equal(["UNEP", "IUCN"], Entry("unep-iucn-nbs-climate-mitigation").OrganisationNames);
        Assert.Equal(["自然资源部办公厅", "国家林业和草原局办公室"], Entry("mangrove-ecological-restoration-handbook").OrganisationNames);
    }

    [Fact]
    public void Quoted_views_name_their_speaker()
    {
        var view = Entry("cop26-view-john-verdick").Content;
        Assert.Contains("John Verdick", view.Speaker);
        Assert.StartsWith("或许格拉斯哥带给我们最好的消息", view.Summary);
        Assert.DoesNotContain("——", view.Summary);
    }

    [Fact]
    public void Tnc_is_defined_once_with_its_chinese_name()
    {
        var tnc = Assert.Single(_issue.Organisations, o => o.ShortName == "TNC");
        Assert.Equal("The Nature Conservancy", tnc.Name);
        Assert.Contains("大自然保护协会", tnc.Aliases);
    }

    [Fact]
    public void Broken_pdf_paragraphs_are_joined_and_pdf_artefacts_dropped()
    {
        Assert.Contains("推进其国家适应计划。", Entry("eba-national-adaptation-plans-guidelines").Content.Summary);
        Assert.Contains("制定解决方案策略，并实施和监测", Entry("planning-nbs-principles-steps-insights").Content.Summary);

        var allText = string.Join("\n", _issue.Entries.Select(e => e.Content.Summary + e.Content.Title)) + _issue.Details.Introduction
            + string.Join("\n", _issue.SectionIntros.Values);
        Assert.DoesNotContain(".pdf", allText);
        Assert.DoesNotContain("二维码", allText);
        Assert.DoesNotContain("](#)", allText);
        Assert.DoesNotContain("\\(", allText);
    }

    [Fact]
    public void Section_introductions_are_kept()
    {
        var cop26 = _issue.SectionIntros[Section.Find("cop26")!.Id];
        Assert.StartsWith("联合国气候变化框架公约（UNFCCC）第 26 次缔约方会议", cop26);
        Assert.Equal("", _issue.SectionIntros[Section.Find("standards")!.Id]);
    }

    [Fact]
    public void No_entry_has_a_link_because_the_source_only_had_placeholders() =>
        Assert.All(_issue.Entries, e => Assert.Null(e.Content.Link));

    [Fact]
    public void The_28_entries_whose_link_the_source_printed_but_lost_await_it()
    {
        // The seed text prints "(#)" for 30 links: 28 are entries' own; one is the policy heading over five
        // entries, one a case collection inside the summary of a COP15 forum (not the forum's link).
        var awaiting = _issue.Entries.Where(e => e.Content.AwaitsLink).Select(e => e.Slug).ToList();
        Assert.Equal(28, awaiting.Count);
        Assert.Contains("corporate-net-zero-standard", awaiting);
        Assert.Contains("event-iclei-cities-with-nature-training-4", awaiting);
        Assert.DoesNotContain("cop15-forum-nbs-ecological-restoration", awaiting);
        Assert.DoesNotContain("carbon-peaking-neutrality-opinions", awaiting);
    }

    private static int LineOf(string text) =>
        ContentFiles.Text(ContentFiles.Vol3).Split('\n').ToList().FindIndex(l => l == text) + 1;
}
