using System.Globalization;
using NbsRoundup.Search;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Reading;

/// <summary>Values written in the reader's language: dates at their own precision, section names, editions.</summary>
public static class Display
{
    public static string Date(PartialDate date) => PortalLocalization.IsEnglish ? date.ToEnglish() : date.ToChinese();

    public static string SectionName(string nameZh, string nameEn) => PortalLocalization.IsEnglish ? nameEn : nameZh;

    public static string SectionName(Section section) => SectionName(section.NameZh, section.NameEn);

    /// <summary>"2021年11月 · Vol.3 (总第3期)" or "November 2021 · Vol.3 (No. 3)".</summary>
    public static string Edition(int year, int month, int? volume, int? number)
    {
        var english = PortalLocalization.IsEnglish;
        var when = english
            ? new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{year}年{month}月");
        var vol = volume is null ? "" : string.Create(CultureInfo.InvariantCulture, $" · Vol.{volume}");
        var no = number is null ? "" : english
            ? string.Create(CultureInfo.InvariantCulture, $" (No. {number})")
            : string.Create(CultureInfo.InvariantCulture, $" (总第{number}期)");
        return when + vol + no;
    }

    /// <summary>A topic's name in the reader's language.</summary>
    public static string Name(NbsRoundup.Discovery.Topic topic) => topic.Name(PortalLocalization.IsEnglish ? "en" : "zh");

    /// <summary>A topic group's name in the reader's language.</summary>
    public static string Name(NbsRoundup.Discovery.TopicGroup group) => group.Name(PortalLocalization.IsEnglish ? "en" : "zh");

    /// <summary>A place's name in the reader's language.</summary>
    public static string Name(NbsRoundup.Discovery.Place place) => place.Name(PortalLocalization.IsEnglish ? "en" : "zh");

    /// <summary>A facet's label in the reader's language (topics and places carry both).</summary>
    public static string Label(FacetCount facet) => PortalLocalization.IsEnglish && facet.LabelEn is not null ? facet.LabelEn : facet.Label;

    /// <summary>The separator between names in a list: "、" in Chinese, ", " in English.</summary>
    public static string ListSeparator => PortalLocalization.IsEnglish ? ", " : "、";

    /// <summary>Topics and places named in the interface language, topics first ("湿地、中国"): how a plan or a form lists tags.</summary>
    public static string Tags(EntryTags tags) => string.Join(ListSeparator,
        tags.Topics.Select(k => NbsRoundup.Discovery.Topics.ByKey(k) is { } t ? Name(t) : k)
            .Concat(tags.Places.Select(c => NbsRoundup.Discovery.Places.ByCode(c) is { } p ? Name(p) : c)));
}
