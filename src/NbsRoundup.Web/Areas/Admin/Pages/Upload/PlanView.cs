using NbsRoundup.Importing;
using NbsRoundup.Search;

namespace NbsRoundup.Web.Areas.Admin.Pages.Upload;

/// <summary>What the upload pages show of an import: its plan, and for each entry it adds the entries the catalogue may already hold.</summary>
public sealed record PlanView(ImportPlan Plan, IReadOnlyDictionary<string, IReadOnlyList<Duplicate>> Duplicates)
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Duplicate>> NoDuplicates = new Dictionary<string, IReadOnlyList<Duplicate>>();
}
