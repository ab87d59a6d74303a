using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace NbsRoundup.Data;

/// <summary>
/// Newest first with undated rows last, on either engine. SQLite sorts NULL below every date, so a
/// descending sort puts undated rows last by itself; PostgreSQL sorts NULL above, so there the
/// undated rows are put last explicitly. SQLite keeps the plain sort, which its date index serves.
/// </summary>
public static class NewestFirst
{
    public static IOrderedQueryable<T> OrderByNewestFirst<T>(this IQueryable<T> source, Expression<Func<T, DateOnly?>> date, DatabaseFacade database) =>
        database.IsPostgres() ? source.OrderBy(IsUndated(date)).ThenByDescending(date) : source.OrderByDescending(date);

    public static IOrderedQueryable<T> ThenByNewestFirst<T>(this IOrderedQueryable<T> source, Expression<Func<T, DateOnly?>> date, DatabaseFacade database) =>
        database.IsPostgres() ? source.ThenBy(IsUndated(date)).ThenByDescending(date) : source.ThenByDescending(date);

    private static Expression<Func<T, bool>> IsUndated<T>(Expression<Func<T, DateOnly?>> date) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(date.Body, Expression.Constant(null, typeof(DateOnly?))), date.Parameters);
}
