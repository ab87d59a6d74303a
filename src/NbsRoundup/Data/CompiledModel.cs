using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NbsRoundup.Data;

/// <summary>
/// EF Core's compiled model of the catalogue for each engine (Data/CompiledModels/, written by
/// tools/compiled-models.sh from the configurations): a context takes it instead of building the model
/// at its first use, which start-up would otherwise pay. Found by name, so that the script can delete
/// and remake the models after a change to the model that the old ones no longer compile against.
/// </summary>
public static class CompiledModel
{
    private static readonly Lazy<IModel?> _sqlite = new(() => Find("Sqlite"));
    private static readonly Lazy<IModel?> _postgres = new(() => Find("Postgres"));

    /// <summary>The engine's compiled model; null only while tools/compiled-models.sh remakes them.</summary>
    public static IModel? For(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? _postgres.Value : _sqlite.Value;

    private static IModel? Find(string engine) =>
        typeof(CompiledModel).Assembly.GetType($"NbsRoundup.Data.CompiledModels.{engine}.CatalogueDbModel")
            ?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel;
}
