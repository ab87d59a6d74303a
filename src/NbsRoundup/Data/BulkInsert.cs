using Microsoft.EntityFrameworkCore.Infrastructure;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NbsRoundup.Data;

/// <summary>
/// Multi-row INSERTs of untracked entities, for imports too large for the change tracker. Tables,
/// columns and value conversions come from the EF model itself (the same mapping SaveChanges uses),
/// so a property added to an entity is written here without a change to this code.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Returned by a value function: write the entity's own value of the property.</summary>
    public static readonly object Own = new();

    /// <summary>Keeps statements under every provider's parameter limit.</summary>
    private const int MaxParameters = 2000;

    // value: the value of a property of a row, or Own for the entity's own.
    public static async Task InsertAsync<T>(CatalogueDb db, IReadOnlyList<T> rows, Func<IProperty, T, object?>? value, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // SQLite runs in-process: one prepared statement stepped per row beats preparing a long
        // multi-row statement. Over a network (PostgreSQL) round trips dominate: many rows a statement.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, MaxParameters / columns.Count);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var text = new StringBuilder(head);
            var n = 0;
            command.Parameters.Clear();
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@b" + n++;
                    text.Append(c == 0 ? "" : ", ").Append(name);
                    var property = columns[c];
                    var raw = value?.Invoke(property, chunk[r]) ?? Own;
                    if (ReferenceEquals(raw, Own))
                    {
                        raw = property.GetGetter().GetClrValueUsingContainingEntity(chunk[r]);
                    }
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, raw, property.IsNullable));
                }
                text.Append(')');
            }
            var statement = text.ToString();
            if (command.CommandText != statement)
            {
                // Unchanged text keeps SQLite's prepared statement.
                command.CommandText = statement;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
