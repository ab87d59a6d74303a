namespace NbsRoundup.Catalogue;

/// <summary>One of the newsletter's fixed sections, in newsletter order.</summary>
public sealed class Section
{
    public int Id { get; private set; }
    public string Key { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int Position { get; private set; }

    private Section()
    {
    }

    public Section(int id, string key, string nameZh, string nameEn, int position)
    {
        Id = id;
        Key = key;
        NameZh = nameZh;
        NameEn = nameEn;
        Position = position;
    }

    /// <summary>The sections every issue is made of; their ids are fixed by the initial migration.</summary>
    public static IReadOnlyList<Section> All { get; } =
    [
        new(1, "standards", "标准和指南", "Standards and guidelines", 1),
        new(2, "research", "研究和观点", "Research and views", 2),
        new(3, "cop26", "NbS 在 UNFCCC COP26", "NbS at UNFCCC COP26", 3),
        new(4, "cop15", "NbS 在 CBD COP15", "NbS at CBD COP15", 4),
        new(5, "policy", "政策动态", "Policy", 5),
        new(6, "cooperation", "行业交流与合作动态", "Cooperation news", 6),
        new(7, "events", "会议与活动", "Meetings and events", 7),
    ];

    /// <summary>Finds a section by key, Chinese name or English name, ignoring case and spacing.</summary>
    public static Section? Find(string name)
    {
        var wanted = Names.Normalize(name);
        return All.FirstOrDefault(s =>
            Names.Normalize(s.Key) == wanted || Names.Normalize(s.NameZh) == wanted || Names.Normalize(s.NameEn) == wanted);
    }
}
