using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NbsRoundup.Web.Tests;

/// <summary>Every row of every table, as text: equal dumps mean an unchanged database.</summary>
public static class DatabaseDump
{
    public static string Of(PortalFactory portal) => Of(portal.ConnectionString);

    public static string Of(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var sb = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            using var reader = select.ExecuteReader();
            sb.Append("## ").AppendLine(table);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sb.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }
}
