using System.Data.Common;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Data;

/// <summary>
/// Fills a database left at an older migration with a catalogue written by this release: every row of
/// every table the older schema has, in the columns it has. What a newer column holds is lost, as it
/// would be in a catalogue the older release wrote; the rest is the older release's data.
/// </summary>
internal static class PreviousRelease
{
    public static void Copy(string from, string to)
    {
        using var source = TestEngine.Connect(from);
        using var target = TestEngine.Connect(to);
        Execute(target, TestEngine.IsPostgres ? "SET session_replication_role = replica" : "PRAGMA foreign_keys = OFF");
        foreach (var table in Tables(target))
        {
            var columns = Columns(target, table).Intersect(Columns(source, table)).ToList();
            if (!TestEngine.IsPostgres && table == "EntrySearch")
            {
                columns.Insert(0, "rowid");
            }
            Execute(target, $"DELETE FROM \"{table}\"");
            var list = string.Join(", ", columns.Select(c => c == "rowid" ? c : $"\"{c}\""));
            using var read = source.CreateCommand();
            read.CommandText = $"SELECT {list} FROM \"{table}\"";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                using var insert = target.CreateCommand();
                insert.CommandText = $"INSERT INTO \"{table}\" ({list}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
                for (var i = 0; i < columns.Count; i++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = "@p" + i;
                    parameter.Value = reader.GetValue(i);
                    insert.Parameters.Add(parameter);
                }
                insert.ExecuteNonQuery();
            }
        }
        if (TestEngine.IsPostgres)
        {
            // Keys were written as they are: the identity sequences move past them, as after real inserts.
            Execute(target, """
                DO $$ DECLARE r record; BEGIN
                FOR r IN SELECT c.table_name, c.column_name, pg_get_serial_sequence(format('%I', c.table_name), c.column_name) AS seq
                         FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.is_identity = 'YES' LOOP
                  EXECUTE format('SELECT setval(%L, COALESCE((SELECT MAX(%I) FROM %I), 0) + 1, false)', r.seq, r.column_name, r.table_name);
                END LOOP; END $$;
                """);
        }
    }

    private static List<string> Tables(DbConnection connection) => Strings(connection, TestEngine.IsPostgres
        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__EFMigrations%'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'EntrySearch_%'");

    private static List<string> Columns(DbConnection connection, string table) => Strings(connection, TestEngine.IsPostgres
        ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position"
        : $"SELECT name FROM pragma_table_info('{table}')");

    private static List<string> Strings(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
