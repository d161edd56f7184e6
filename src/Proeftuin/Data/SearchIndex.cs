using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Thread;

namespace Proeftuin.Data;

/// <summary>
/// The full-text index over the stored <see cref="ThreadItem.SearchTerms"/> (ADR 0024): on PostgreSQL a GIN index on
/// <c>to_tsvector('simple', "SearchTerms")</c>, on SQLite the FTS5 table <c>ItemsSearch</c> (external content, kept
/// in step with Items by triggers). The stems are computed by <see cref="DutchStems"/> when an item is saved, so the
/// index only splits on spaces ('simple', unicode61 without folding accents); each query stem matches as a word prefix,
/// exactly as the former <c>SearchTerms LIKE '% stem%'</c> did, and every stem must match. This only narrows a query:
/// consent and project filters stay in the caller's ordinary query (a withdrawn story has empty SearchTerms anyway).
/// </summary>
public static class SearchIndex
{
    public const string SqliteTable = "ItemsSearch";
    /// <summary>The text search configuration on PostgreSQL; the index expression in the migration uses the same.</summary>
    public const string PostgresConfig = "simple";

    /// <summary>Items whose SearchTerms hold every stem as (the start of) a word. Stems come from <see cref="DutchStems.Of"/>.</summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> items, AppDbContext db, IReadOnlyList<string> stems) where T : ThreadItem
    {
        var words = stems.Where(s => s.Length > 0).Distinct().ToList();
        if (words.Count == 0) return items;
        if (db is PostgresAppDbContext)
        {
            // 'stem':* & 'stem2':* — quoted, so the query parser takes each stem as one lexeme.
            var query = string.Join(" & ", words.Select(w => "'" + w.Replace("'", "''", StringComparison.Ordinal) + "':*"));
            return items.Where(i => EF.Functions.ToTsVector(PostgresConfig, i.SearchTerms).Matches(EF.Functions.ToTsQuery(PostgresConfig, query)));
        }
        // "stem"* "stem2"* — FTS5 ANDs the phrases; quoting keeps every stem a plain string, never FTS syntax.
        var match = string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
        var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ItemsSearch\" WHERE \"ItemsSearch\" MATCH {match}");
        // "Id + 0", not "Id": a bare Id lets SQLite look up every match by its key and sort them all by date (a common
        // word matches half of a big project: 200 ms at 100,000 stories). Hiding the key makes it walk the project's
        // (ProjectId, Kind, CreatedAt, Id) index newest first and stop at the page's end; the matches are one set, read
        // once (ADR 0026).
        return items.Where(i => ids.Contains(i.Id + 0));
    }
}
