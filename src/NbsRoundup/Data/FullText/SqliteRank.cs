using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NbsRoundup.Data;

/// <summary>Document lengths known without asking the index: total tokens of an entry's row in the full-text index.</summary>
public interface IDocumentLengths
{
    /// <summary>The length FTS5 keeps for this row (all columns), or false when it is not known here.</summary>
    bool TryGetLength(long rowid, out int length);
}

/// <summary>
/// <c>nbs_rank</c>, an FTS5 auxiliary function that computes exactly what FTS5's own <c>bm25()</c>
/// computes (same arguments, same formula, same order of operations, so the same double), except
/// where it takes a row's length from. bm25() reads every matching row's length from the
/// <c>_docsize</c> table, one B-tree seek per row: 46 of its 53 ms for a word found in 33,000 of
/// 100,000 entries (measured with a C harness). The catalogue's columns already hold every
/// published entry's length, so a query that runs inside <see cref="UseLengths"/> ranks from
/// memory; any row they do not know (a draft, a change newer than the columns) is read as bm25()
/// reads it.
/// </summary>
public static unsafe class SqliteRank
{
    public const string Name = "nbs_rank";

    /// <summary><c>nbs_has(table, i, j, ...)</c>: 1 when each of the query's phrases i, j, ... has an instance in the row, else 0.</summary>
    public const string HasName = "nbs_has";

    private static readonly AsyncLocal<IDocumentLengths?> _lengths = new();

    /// <summary>Whether the function could be registered here (the e_sqlite3 library answered); otherwise queries use bm25().</summary>
    public static bool Available { get; private set; } = true;

    /// <summary>Rank the queries run in this scope (this async flow) with these lengths.</summary>
    public static Scope UseLengths(IDocumentLengths? lengths)
    {
        var previous = _lengths.Value;
        _lengths.Value = lengths;
        return new Scope(previous);
    }

    public readonly struct Scope(IDocumentLengths? previous) : IDisposable
    {
        public void Dispose() => _lengths.Value = previous;
    }

    /// <summary>Adds nbs_rank to a connection's FTS5 module, once per native connection (a pooled one keeps it).</summary>
    public static void Register(SqliteConnection connection)
    {
        if (!Available || connection.Handle is not { } handle)
        {
            return;
        }
        try
        {
            RegisterOn(handle.DangerousGetHandle());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            Available = false;
        }
    }

    private static void RegisterOn(IntPtr db)
    {
        // The mark lives and dies with the native connection, so a new connection at a reused address is not taken for this one.
        fixed (byte* mark = "nbs_rank_registered\0"u8)
        {
            if (Fts5Native.GetClientData(db, mark) != IntPtr.Zero)
            {
                return;
            }
            Fts5Api* api = null;
            IntPtr statement;
            fixed (byte* sql = "SELECT fts5(?1)\0"u8)
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                Check(Fts5Native.Prepare(db, sql, -1, &statement, null));
                try
                {
                    Check(Fts5Native.BindPointer(statement, 1, &api, type, IntPtr.Zero));
                    // The one row sets the pointer; without FTS5 the function is unknown and preparing failed.
                    _ = Fts5Native.Step(statement);
                }
                finally
                {
                    _ = Fts5Native.Finalize(statement);
                }
            }
            if (api is null)
            {
                throw new InvalidOperationException("This SQLite library has no FTS5 module.");
            }
            fixed (byte* name = "nbs_rank\0"u8)
            {
                Check(api->CreateFunction(api, name, null, &Rank, IntPtr.Zero));
            }
            fixed (byte* name = "nbs_has\0"u8)
            {
                Check(api->CreateFunction(api, name, null, &Has, IntPtr.Zero));
            }
            Check(Fts5Native.SetClientData(db, mark, 1, IntPtr.Zero));
        }
    }

    private static void Check(int rc)
    {
        if (rc != Fts5Native.Ok)
        {
            throw new InvalidOperationException($"SQLite refused to register {Name} (code {rc}).");
        }
    }

    /// <summary>What a statement computes once (bm25's Fts5Bm25Data, and the column weights bm25 reads per instance).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Statement
    {
        public int Phrases;
        public int Columns;
        public double AverageLength;
        // Followed by Phrases IDFs, then Columns weights.
    }

    [UnmanagedCallersOnly]
    private static void Rank(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int valueCount, IntPtr* values)
    {
        // An exception must not cross into SQLite (it would end the process): it fails the statement instead.
        try
        {
            RankRow(api, fts, context, valueCount, values);
        }
        catch (Exception)
        {
            Fts5Native.ResultErrorCode(context, 1); // SQLITE_ERROR
        }
    }

    private static void RankRow(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int valueCount, IntPtr* values)
    {
        const double k1 = 1.2;
        const double b = 0.75;
        var rc = StatementData(api, fts, valueCount, values, out var data);
        if (rc != Fts5Native.Ok)
        {
            Fts5Native.ResultErrorCode(context, rc);
            return;
        }
        var phrases = data->Phrases;
        var idf = (double*)(data + 1);
        var weight = idf + phrases;
        var frequency = phrases <= 64 ? stackalloc double[phrases] : new double[phrases];
        frequency.Clear();
        int instances;
        rc = api->InstCount(fts, &instances);
        for (var i = 0; rc == Fts5Native.Ok && i < instances; i++)
        {
            int phrase, column, offset;
            rc = api->Inst(fts, i, &phrase, &column, &offset);
            if (rc == Fts5Native.Ok)
            {
                frequency[phrase] += (uint)column < (uint)data->Columns ? weight[column] : 1.0;
            }
        }
        var d = 0.0;
        if (rc == Fts5Native.Ok)
        {
            if (_lengths.Value is { } lengths && lengths.TryGetLength(api->Rowid(fts), out var known))
            {
                d = known;
            }
            else
            {
                int tokens;
                rc = api->ColumnSize(fts, -1, &tokens);
                d = tokens;
            }
        }
        if (rc != Fts5Native.Ok)
        {
            Fts5Native.ResultErrorCode(context, rc);
            return;
        }
        var score = 0.0;
        for (var i = 0; i < phrases; i++)
        {
            // bm25()'s expression as FTS5 writes it, operation for operation.
            score += idf[i] * ((frequency[i] * (k1 + 1.0)) / (frequency[i] + k1 * (1 - b + b * d / data->AverageLength)));
        }
        Fts5Native.ResultDouble(context, -1.0 * score);
    }

    /// <summary>
    /// Whether the row holds every listed phrase: a row matches the keywords as typed when it holds
    /// each phrase of the typed alternatives (<see cref="SqliteFullTextIndex.RankedMarking"/>), which
    /// spares a second full-text query for the typed keywords alone.
    /// </summary>
    [UnmanagedCallersOnly]
    private static void Has(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int valueCount, IntPtr* values)
    {
        try
        {
            var phrases = api->PhraseCount(fts);
            for (var i = 0; i < valueCount; i++)
            {
                var phrase = Fts5Native.ValueInt(values[i]);
                Fts5PhraseIter iterator;
                int column = -1, offset;
                var rc = phrase >= 0 && phrase < phrases ? api->PhraseFirst(fts, phrase, &iterator, &column, &offset) : 1;
                if (rc != Fts5Native.Ok)
                {
                    Fts5Native.ResultErrorCode(context, rc);
                    return;
                }
                if (column < 0)
                {
                    Fts5Native.ResultInt(context, 0);
                    return;
                }
            }
            Fts5Native.ResultInt(context, 1);
        }
        catch (Exception)
        {
            Fts5Native.ResultErrorCode(context, 1); // SQLITE_ERROR
        }
    }

    /// <summary>The statement's data, made on its first row as bm25() makes it (row count, total tokens, a count of each phrase's rows).</summary>
    private static int StatementData(Fts5ExtensionApi* api, IntPtr fts, int valueCount, IntPtr* values, out Statement* data)
    {
        data = (Statement*)api->GetAuxdata(fts, 0);
        if (data is not null)
        {
            return Fts5Native.Ok;
        }
        var phrases = api->PhraseCount(fts);
        var columns = api->ColumnCount(fts);
        var made = (Statement*)Fts5Native.Malloc((ulong)(sizeof(Statement) + (phrases + columns) * sizeof(double)));
        if (made is null)
        {
            return 7; // SQLITE_NOMEM
        }
        made->Phrases = phrases;
        made->Columns = columns;
        // bm25's weight of an instance in column c: the c-th argument, 1.0 past the last one given.
        var weight = (double*)(made + 1) + phrases;
        for (var c = 0; c < columns; c++)
        {
            weight[c] = c < valueCount ? Fts5Native.ValueDouble(values[c]) : 1.0;
        }
        long rows, tokens;
        var rc = api->RowCount(fts, &rows);
        if (rc == Fts5Native.Ok)
        {
            rc = api->ColumnTotalSize(fts, -1, &tokens);
            made->AverageLength = (double)tokens / (double)rows;
        }
        var idf = (double*)(made + 1);
        for (var i = 0; rc == Fts5Native.Ok && i < phrases; i++)
        {
            long hits = 0;
            rc = api->QueryPhrase(fts, i, &hits, &CountRow);
            if (rc == Fts5Native.Ok)
            {
                var value = Math.Log((rows - hits + 0.5) / (hits + 0.5));
                idf[i] = value <= 0.0 ? 1e-6 : value;
            }
        }
        if (rc != Fts5Native.Ok)
        {
            ((delegate* unmanaged<void*, void>)Fts5Native.Free)(made);
            data = null;
            return rc;
        }
        // From here FTS5 owns the data: it frees it with the statement, or at once if it cannot keep it.
        rc = api->SetAuxdata(fts, made, Fts5Native.Free);
        if (rc != Fts5Native.Ok)
        {
            data = null;
            return rc;
        }
        data = made;
        return Fts5Native.Ok;
    }

    [UnmanagedCallersOnly]
    private static int CountRow(Fts5ExtensionApi* api, IntPtr fts, void* hits)
    {
        (*(long*)hits)++;
        return Fts5Native.Ok;
    }
}
