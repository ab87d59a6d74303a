using NbsRoundup.Search;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Exports;

/// <summary>Reading a catalogue query from a request, and answering bad parameters with 400 problem details.</summary>
public static class QueryProblems
{
    /// <summary>Query-string parameters every page reads (the interface language), besides a page's own.</summary>
    public static readonly IReadOnlyList<string> SiteParameters = [PortalLocalization.LanguageParameter];

    /// <summary>The catalogue query of a request, and every problem with it: bad values and parameters the catalogue does not read.</summary>
    public static (CatalogueQuery Query, IReadOnlyList<QueryError> Errors) Read(HttpRequest request)
    {
        var (query, errors) = CatalogueQuery.Parse(name => request.Query[name].OfType<string>().ToList());
        return (query, [.. CatalogueQuery.Unknown(request.Query.Keys, SiteParameters), .. errors]);
    }

    public static IResult Problem(IReadOnlyList<QueryError> errors) => ValidationProblem(errors);

    /// <summary>400 with a problem-details body naming each parameter and what is wrong with it.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ValidationProblem(IReadOnlyList<QueryError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Parameter).ToDictionary(g => g.Key, g => g.Select(e => e.Text).ToArray()),
            title: "Some query parameters cannot be used.");

    /// <summary>The portal's public address (Site:PublicUrl, else the request's), for absolute links in exports, feeds and the API.</summary>
    public static Uri BaseUrl(HttpRequest request) =>
        new(request.HttpContext.RequestServices.GetRequiredService<Sharing.PublicAddresses>().Base(request) + "/");
}
