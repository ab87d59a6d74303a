using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NbsRoundup.Data;

namespace NbsRoundup.Auditing;

/// <summary>
/// The bulk path for large change sets: an import of a new issue records every field of every
/// entry, hundreds of rows a file, and one multi-row INSERT per hundred rows costs a fraction of
/// one tracked entity and one command per row. Runs inside the caller's transaction.
/// </summary>
public static class ChangeSetWriter
{
    private const int RowsPerStatement = 100;

    public static async Task WriteAsync(CatalogueDb db, ChangeSet set, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var insertSet = Command(connection, transaction,
            "INSERT INTO \"ChangeSets\" (\"At\", \"Actor\", \"Description\", \"File\") VALUES (@at, @actor, @description, @file) RETURNING \"Id\"",
            ("@at", set.At), ("@actor", set.Actor), ("@description", set.Description), ("@file", set.File));
        var id = Convert.ToInt32(await insertSet.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        DbCommand? insert = null;
        // In-process SQLite steps one prepared statement per row; over a network, many rows a statement.
        foreach (var chunk in set.Changes.Chunk(db.Database.IsSqlite() ? 1 : RowsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO \"FieldChanges\" (\"ChangeSetId\", \"EntityKind\", \"EntityKey\", \"Field\", \"Before\", \"After\") VALUES ");
            var parameters = new List<(string, object?)> { ("@set", id) };
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@set, @k{i}, @e{i}, @f{i}, @b{i}, @a{i})");
                parameters.AddRange([($"@k{i}", chunk[i].EntityKind), ($"@e{i}", chunk[i].EntityKey), ($"@f{i}", chunk[i].Field), ($"@b{i}", chunk[i].Before), ($"@a{i}", chunk[i].After)]);
            }
            if (insert is null || insert.CommandText != sql.ToString())
            {
                if (insert is not null)
                {
                    await insert.DisposeAsync();
                }
                insert = Command(connection, transaction, sql.ToString(), [.. parameters]);
            }
            else
            {
                foreach (var (name, value) in parameters)
                {
                    insert.Parameters[name].Value = value ?? DBNull.Value;
                }
            }
            await insert.ExecuteNonQueryAsync(ct);
        }
        if (insert is not null)
        {
            await insert.DisposeAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
