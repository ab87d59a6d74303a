using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NbsRoundup.Data;

/// <summary>Plain ADO.NET commands on a context's connection, inside its current transaction: for what EF cannot express.</summary>
internal static class DbCommands
{
    /// <summary>A command with the named parameters (values set by the caller), prepared once and run many times.</summary>
    public static DbCommand Create(CatalogueDb db, string sql, params string[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs a one-parameter statement once for each value.</summary>
    public static async Task ForEachAsync<T>(CatalogueDb db, string sql, string parameter, IEnumerable<T> values, CancellationToken ct)
    {
        await using var command = Create(db, sql, parameter);
        foreach (var value in values)
        {
            command.Parameters[0].Value = value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
