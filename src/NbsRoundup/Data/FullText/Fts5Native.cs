using System.Runtime.InteropServices;

namespace NbsRoundup.Data;

/// <summary>
/// The parts of SQLite's C interface and of FTS5's extension API (fts5.h, version 3 and later) that
/// <see cref="SqliteRank"/> calls. The library is the e_sqlite3 that Microsoft.Data.Sqlite loads, so
/// these calls act on the very connections EF opens.
/// </summary>
internal static unsafe partial class Fts5Native
{
    private const string Library = "e_sqlite3";

    public const int Ok = 0;
    public const int Row = 100;

    [LibraryImport(Library, EntryPoint = "sqlite3_prepare_v2")]
    public static partial int Prepare(IntPtr db, byte* sql, int bytes, IntPtr* statement, byte** tail);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_pointer")]
    public static partial int BindPointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_finalize")]
    public static partial int Finalize(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_get_clientdata")]
    public static partial IntPtr GetClientData(IntPtr db, byte* name);

    [LibraryImport(Library, EntryPoint = "sqlite3_set_clientdata")]
    public static partial int SetClientData(IntPtr db, byte* name, IntPtr data, IntPtr destructor);

    // The calls made for every matching row are short and never call back into .NET, so they skip the
    // GC transition (SuppressGCTransition): for 57,760 matches the transitions cost more than the ranking.

    [LibraryImport(Library, EntryPoint = "sqlite3_result_double")]
    [SuppressGCTransition]
    public static partial void ResultDouble(IntPtr context, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_result_error_code")]
    public static partial void ResultErrorCode(IntPtr context, int code);

    [LibraryImport(Library, EntryPoint = "sqlite3_result_int")]
    [SuppressGCTransition]
    public static partial void ResultInt(IntPtr context, int value);

    [LibraryImport(Library, EntryPoint = "sqlite3_value_int")]
    [SuppressGCTransition]
    public static partial int ValueInt(IntPtr value);

    [LibraryImport(Library, EntryPoint = "sqlite3_value_double")]
    [SuppressGCTransition]
    public static partial double ValueDouble(IntPtr value);

    [LibraryImport(Library, EntryPoint = "sqlite3_malloc64")]
    public static partial void* Malloc(ulong bytes);

    /// <summary>sqlite3_free's address, for FTS5 to free a statement's data with.</summary>
    public static readonly IntPtr Free = NativeLibrary.GetExport(NativeLibrary.Load(Library, typeof(Fts5Native).Assembly, null), "sqlite3_free");
}

/// <summary>fts5_api: how a connection's FTS5 module takes a new auxiliary function.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Fts5Api
{
    public int Version;
    public IntPtr CreateTokenizer;
    public IntPtr FindTokenizer;
    public delegate* unmanaged<Fts5Api*, byte*, void*, delegate* unmanaged<Fts5ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int> CreateFunction;
}

/// <summary>
/// Fts5ExtensionApi, in its declared order: what an auxiliary function may ask of the current row and
/// query. The per-row functions that only read what the match already holds skip the GC transition;
/// ColumnSize (it may read a page) and QueryPhrase (it calls back into .NET) keep it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Fts5ExtensionApi
{
    public int Version;
    public IntPtr UserData;
    public delegate* unmanaged[SuppressGCTransition]<IntPtr, int> ColumnCount;
    public delegate* unmanaged<IntPtr, long*, int> RowCount;
    public delegate* unmanaged<IntPtr, int, long*, int> ColumnTotalSize;
    public IntPtr Tokenize;
    public delegate* unmanaged[SuppressGCTransition]<IntPtr, int> PhraseCount;
    public IntPtr PhraseSize;
    public delegate* unmanaged[SuppressGCTransition]<IntPtr, int*, int> InstCount;
    public delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int*, int*, int*, int> Inst;
    public delegate* unmanaged[SuppressGCTransition]<IntPtr, long> Rowid;
    public IntPtr ColumnText;
    public delegate* unmanaged<IntPtr, int, int*, int> ColumnSize;
    public delegate* unmanaged<IntPtr, int, void*, delegate* unmanaged<Fts5ExtensionApi*, IntPtr, void*, int>, int> QueryPhrase;
    public delegate* unmanaged<IntPtr, void*, IntPtr, int> SetAuxdata;
    public delegate* unmanaged[SuppressGCTransition]<IntPtr, int, void*> GetAuxdata;
    public delegate* unmanaged[SuppressGCTransition]<IntPtr, int, Fts5PhraseIter*, int*, int*, int> PhraseFirst;
}

/// <summary>Fts5PhraseIter: where xPhraseFirst leaves a walk over a phrase's instances in the row.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Fts5PhraseIter
{
    public IntPtr A;
    public IntPtr B;
}
