using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NbsRoundup.Data;

namespace NbsRoundup.Tests.Data;

/// <summary>
/// The compiled models (Data/CompiledModels) are what contexts run on: a model change without
/// running tools/compiled-models.sh would leave new tables and columns unknown to them.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<DatabaseProvider> Engines => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Engines))]
    public void The_compiled_model_of_each_engine_describes_the_model_the_configurations_build(DatabaseProvider provider)
    {
        var compiled = CompiledModel.For(provider);
        Assert.NotNull(compiled);
        var connection = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=none" : "Data Source=:memory:";
        var builder = new DbContextOptionsBuilder<CatalogueDb>();
        _ = provider == DatabaseProvider.Postgres ? builder.UseNpgsql(connection) : builder.UseSqlite(connection);
        using var built = new CatalogueDb(builder.Options);

        Assert.True(Describe(built.Model) == Describe(compiled),
            $"The compiled model of {provider} is not the model of the code: run tools/compiled-models.sh");
    }

    [Fact]
    public void A_context_runs_on_the_compiled_model_of_its_engine()
    {
        using var db = new CatalogueDb(CatalogueDatabase.Options(DatabaseProvider.Sqlite, "Data Source=:memory:"));

        Assert.Same(CompiledModel.For(DatabaseProvider.Sqlite), db.Model);
        Assert.NotSame(CompiledModel.For(DatabaseProvider.Postgres), db.Model);
    }

    /// <summary>Tables, columns, keys, relationships and indexes: what a stale model would get wrong.</summary>
    private static string Describe(IModel model) => string.Join('\n', model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
        new[] { $"{e.Name} {e.GetTableName()}" }
            .Concat(e.GetProperties().Select(p => $"  {p.Name} {p.ClrType} {p.GetColumnName()} null={p.IsNullable} max={p.GetMaxLength()} token={p.IsConcurrencyToken} {p.ValueGenerated}"))
            .Concat(e.GetKeys().Select(k => $"  key {string.Join(',', k.Properties.Select(p => p.Name))}"))
            .Concat(e.GetForeignKeys().Select(f => $"  fk {string.Join(',', f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"))
            .Concat(e.GetIndexes().Select(i => $"  index {i.GetDatabaseName()} {string.Join(',', i.Properties.Select(p => p.Name))} unique={i.IsUnique}"))
            .Concat(e.GetNavigations().Select(n => $"  nav {n.Name}"))));
}
