using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace NbsRoundup.Data;

/// <summary>
/// Multi-row INSERTs of new entities and everything they own, for saves too large for the change
/// tracker's row-at-a-time commands (a new issue of thousands of entries, its audit record of tens
/// of thousands of fields). Tables, columns, keys, foreign keys, owned collections and value
/// conversions all come from the EF model, the mapping SaveChanges itself uses: a property or an
/// owned collection added to an entity is written here without a change to this code. Like
/// SaveChanges, it leaves generated keys and foreign keys set on the entities it wrote.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Keeps statements under every provider's parameter limit.</summary>
    private const int MaxParameters = 2000;

    /// <summary>
    /// Inserts the entities and, through their collection navigations, every entity they own, in
    /// the context's current transaction. Principals they refer to (an entry's organisations) must
    /// already have their keys.
    /// </summary>
    public static async Task InsertGraphAsync(CatalogueDb db, IReadOnlyList<object> roots, CancellationToken ct)
    {
        if (roots.Count == 0)
        {
            return;
        }
        var type = db.Model.FindEntityType(roots[0].GetType()) ?? throw new InvalidOperationException($"{roots[0].GetType().Name} is not mapped");
        await InsertLevelAsync(db, type, roots, ct);
    }

    /// <summary>The entities and every entity they own through collection navigations: what InsertGraphAsync writes.</summary>
    public static List<object> GraphOf(CatalogueDb db, IReadOnlyList<object> roots)
    {
        var all = new List<object>();
        Collect(roots);
        return all;

        void Collect(IReadOnlyList<object> rows)
        {
            if (rows.Count == 0)
            {
                return;
            }
            all.AddRange(rows);
            var type = db.Model.FindEntityType(rows[0].GetType())!;
            foreach (var collection in type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent))
            {
                Collect(rows.SelectMany(row => ((IEnumerable?)collection.GetGetter().GetClrValueUsingContainingEntity(row))?.Cast<object>() ?? []).ToList());
            }
        }
    }

    private static async Task InsertLevelAsync(CatalogueDb db, IEntityType type, IReadOnlyList<object> rows, CancellationToken ct)
    {
        foreach (var foreignKey in type.GetForeignKeys())
        {
            if (foreignKey.DependentToPrincipal is { } toPrincipal)
            {
                foreach (var row in rows)
                {
                    if (toPrincipal.GetGetter().GetClrValueUsingContainingEntity(row) is { } principal)
                    {
                        CopyKey(foreignKey, principal, row);
                    }
                }
            }
        }
        await InsertAsync(db, type, rows, ct);
        foreach (var collection in type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent))
        {
            var children = new List<object>();
            foreach (var row in rows)
            {
                foreach (var child in (IEnumerable?)collection.GetGetter().GetClrValueUsingContainingEntity(row) ?? Array.Empty<object>())
                {
                    CopyKey(collection.ForeignKey, row, child);
                    children.Add(child);
                }
            }
            if (children.Count > 0)
            {
                await InsertLevelAsync(db, collection.TargetEntityType, children, ct);
            }
        }
    }

    private static void CopyKey(IForeignKey foreignKey, object principal, object dependent)
    {
        for (var i = 0; i < foreignKey.Properties.Count; i++)
        {
            Set(foreignKey.Properties[i], dependent, foreignKey.PrincipalKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(principal));
        }
    }

    /// <summary>Writes one level of rows; store-generated keys are reserved first and set on each entity.</summary>
    private static async Task InsertAsync(CatalogueDb db, IEntityType type, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        if (type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key])
        {
            await ReserveKeysAsync(db, table, key, rows, ct);
        }
        var columns = type.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        // SQLite runs in-process: one prepared statement stepped per row beats preparing a long
        // multi-row statement. Over a network (PostgreSQL) round trips dominate: many rows a statement.
        var perStatement = db.Database.IsPostgres() ? Math.Max(1, MaxParameters / columns.Count) : 1;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
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
                    var value = property.GetGetter().GetClrValueUsingContainingEntity(chunk[r]);
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
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

    /// <summary>
    /// Takes the next keys of the table before inserting, so each entity knows its key without a
    /// round trip per row or relying on the order in which a multi-row INSERT returns keys.
    /// PostgreSQL: from the column's identity sequence. SQLite: after the table's AUTOINCREMENT
    /// counter and its largest key; the saving transaction holds SQLite's write lock (BEGIN
    /// IMMEDIATE), so no other writer can take the same keys, and SQLite moves its counter past
    /// the keys written.
    /// </summary>
    private static async Task ReserveKeysAsync(CatalogueDb db, StoreObjectIdentifier table, IProperty key, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var quoted = sql.DelimitIdentifier(table.Name, table.Schema);
        var column = key.GetColumnName(table)!;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsPostgres())
        {
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, {rows.Count})");
            AddParameter(command, "@table", quoted);
            AddParameter(command, "@column", column);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var i = 0;
            while (await reader.ReadAsync(ct))
            {
                Set(key, rows[i++], reader.GetValue(0));
            }
            return;
        }
        command.CommandText = $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = @table), 0), COALESCE((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {quoted}), 0))";
        AddParameter(command, "@table", table.Name);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            Set(key, row, ++last);
        }
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Sets a mapped property on an entity the way EF materialises it: through its backing field when it has one.</summary>
    private static void Set(IProperty property, object entity, object? value)
    {
        var converted = value is null ? null : Convert.ChangeType(value, Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType, CultureInfo.InvariantCulture);
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, converted);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, converted);
        }
    }
}
