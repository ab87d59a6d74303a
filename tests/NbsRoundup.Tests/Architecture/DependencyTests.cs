using NbsRoundup.Data;
using NetArchTest.Rules;

namespace NbsRoundup.Tests.Architecture;

/// <summary>
/// The library's namespaces depend on each other one way only, read from the compiled IL (method
/// bodies included): the catalogue model depends on nothing; text analysis, rendering, accounts and
/// the audit model on the model at most; the store on those; queries, the importer and the exporters
/// on the store. A new `using` that points back up the list fails here, naming the type.
/// </summary>
public sealed class DependencyTests
{
    private static readonly string[] _layers =
        ["Catalogue", "Rendering", "Accounts", "Text", "Auditing", "Lookup", "Discovery", "Data", "Search", "Importing", "Exporting", "Synthetic", "LinkChecking"];

    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Catalogue", [] },
        { "Rendering", [] },
        { "Accounts", [] },
        { "Text", ["Catalogue"] },
        { "Auditing", ["Catalogue"] },
        { "Lookup", ["Catalogue"] },
        { "Discovery", ["Catalogue", "Text"] },
        // Data keeps each link's comparison key (Lookup's LinkNormaliser) and each place's scopes (Discovery) as it saves.
        { "Data", ["Catalogue", "Rendering", "Accounts", "Text", "Auditing", "Discovery", "Lookup"] },
        // Search finds duplicates by that key and by TitleSimilarity, and sets a link's fields against the catalogue.
        { "Search", ["Catalogue", "Rendering", "Text", "Data", "Discovery", "Lookup"] },
        // Importing looks up the entries an upload may repeat (Search.Duplicates), as the layer diagram draws it.
        { "Importing", ["Catalogue", "Rendering", "Text", "Auditing", "Data", "Discovery", "Lookup", "Search"] },
        { "Exporting", ["Catalogue", "Rendering", "Text", "Data", "Search", "Importing", "Discovery"] },
        { "Synthetic", ["Catalogue", "Text", "Data", "Importing", "Discovery"] },
        { "LinkChecking", ["Catalogue", "Data", "Lookup"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_namespace_uses_only_the_namespaces_below_it(string layer, string[] allowed)
    {
        var forbidden = _layers.Except(allowed).Where(l => l != layer).Select(l => "NbsRoundup." + l).ToArray();
        var result = Types.InAssembly(typeof(CatalogueDb).Assembly)
            .That().ResideInNamespace("NbsRoundup." + layer)
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();
        Assert.True(result.IsSuccessful, $"NbsRoundup.{layer} may use only {string.Join(", ", allowed)}; these types use more: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_namespace_of_the_library_has_its_place_in_the_layers()
    {
        var namespaces = typeof(CatalogueDb).Assembly.GetTypes()
            .Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("NbsRoundup.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[1])
            .Distinct();
        Assert.Empty(namespaces.Except(_layers));
    }
}
