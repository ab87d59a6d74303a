namespace NbsRoundup.Lookup;

/// <summary>Telling people from organisations when a source lists both as "author" or "creator".</summary>
public static class CreatorNames
{
    private static readonly string[] _organisationWords =
    [
        "institute", "institution", "university", "college", "academy", "school", "organization", "organisation",
        "foundation", "association", "agency", "ministry", "department", "council", "commission", "committee",
        "programme", "program", "bank", "fund", "centre", "center", "society", "network", "alliance",
        "initiative", "group", "forum", "union", "office", "secretariat", "conservancy", "government", "service",
        "board", "trust", "partnership", "coalition", "consortium", "laboratory", "observatory", "press",
        "publishing", "publishers", "inc", "ltd", "llc", "gmbh", "company", "corporation", "authority",
        "platform", "project", "nations", "world", "international", "bureau", "administration", "unit", "team",
        "staff", "editors", "editorial", "news", "media", "times", "daily", "journal",
    ];

    // Endings of Chinese organisation names: 生态环境部, 国家林业和草原局, 中国科学院, 新华社, 中国政府网 ...
    private static readonly string[] _chineseEndings =
    [
        "部", "局", "厅", "委", "院", "会", "办", "中心", "站", "所", "处", "室", "司", "社", "网", "报", "台", "组",
        "馆", "校", "大学", "公司", "集团", "政府", "联盟", "基金", "银行", "组织", "署", "府", "团", "队", "科",
    ];

    /// <summary>
    /// True for names that read as an organisation: a word such as Institute, Ministry, Programme or Ltd, an
    /// acronym in capitals (WRI, IUCN), or a Chinese name ending like one (生态环境部, 中国科学院, 新华社).
    /// Chinese personal names (two to four Han characters, 曾楠, 欧阳修) rarely end so, but three- and
    /// four-character ones can: "张立会" reads as an organisation; the editor corrects the odd one.
    /// </summary>
    public static bool LooksLikeOrganisation(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }
        if (trimmed.Any(TextScript.IsHan))
        {
            return trimmed.Length > 2 && _chineseEndings.Any(e => trimmed.EndsWith(e, StringComparison.Ordinal))
                || trimmed.Length > 6;
        }
        var words = trimmed.Split([' ', ',', '.', '(', ')', '&', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && words[0].Length is >= 2 and <= 10 && words[0].All(c => char.IsUpper(c) || char.IsDigit(c)))
        {
            return true;
        }
        return words.Any(w => _organisationWords.Contains(w.ToLowerInvariant()));
    }

    private static readonly string[] _suffixes = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d."];

    /// <summary>
    /// "Seddon, Nathalie" → "Nathalie Seddon", as Highwire and Dublin Core write people and CSL-JSON does not;
    /// names without a comma, Chinese names, organisations and "King, Jr." stay as written.
    /// </summary>
    public static string NaturalOrder(string name)
    {
        var parts = name.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || name.Any(TextScript.IsHan)
            || _suffixes.Contains(parts[1].ToLowerInvariant()) || LooksLikeOrganisation(name))
        {
            return name;
        }
        return $"{parts[1]} {parts[0]}";
    }

    /// <summary>
    /// Names in one metadata value: split on semicolons, 、 and full-width commas, and on commas when every part
    /// is several words ("John Smith, Jane Doe"); "Smith, John" stays one name.
    /// </summary>
    public static IEnumerable<string> Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield break;
        }
        foreach (var part in value.Split([';', '；', '、', '，', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var byComma = part.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (byComma.Length > 1 && byComma.All(p => p.Contains(' ', StringComparison.Ordinal) || p.Any(TextScript.IsHan)))
            {
                foreach (var name in byComma)
                {
                    yield return name;
                }
            }
            else
            {
                yield return part;
            }
        }
    }
}
