using System.Data.Common;

namespace Proeftuin.Tests.Web.Hostile;

/// <summary>
/// The number of rows in every table of the EF model, read in one query: a refused request must leave every count
/// as it was (nothing half-saved).
/// </summary>
public sealed class RowCounter
{
    private readonly ProeftuinFactory factory;
    private readonly IReadOnlyList<string> tables;
    private readonly string sql;

    private RowCounter(ProeftuinFactory factory, IReadOnlyList<string> tables)
    {
        this.factory = factory;
        this.tables = tables;
        sql = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COUNT(*) FROM \"{t}\")"));
    }

    public static async Task<RowCounter> CreateAsync(ProeftuinFactory factory)
    {
        var tables = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.GetViewName() is null && e.GetSqlQuery() is null)
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList()));
        return new RowCounter(factory, tables);
    }

    public Task<IReadOnlyDictionary<string, long>> CountAsync() => factory.WithDbAsync<IReadOnlyDictionary<string, long>>(async db =>
    {
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i < tables.Count; i++) counts[tables[i]] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    /// <summary>"Stories 12 → 13, Notes 3 → 4" for the tables whose count changed, leaving out the ones allowed to change.</summary>
    public static string Changes(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, IReadOnlySet<string> allowed) =>
        string.Join(", ", after.Where(a => !allowed.Contains(a.Key) && before.GetValueOrDefault(a.Key) != a.Value)
            .Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)} → {a.Value}"));
}
