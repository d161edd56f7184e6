using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Proeftuin.Data;

/// <summary>
/// The one way use cases open a transaction (ADR 0042). On PostgreSQL the context retries what a short outage broke
/// (a restart, a dropped connection); such a strategy refuses a transaction begun outside it, because it cannot repeat
/// the part before the failure. <see cref="InTransactionAsync{T}"/> runs the whole transaction inside the strategy:
/// when an attempt fails with a passing error, the change tracker is put back as it was before the first attempt and the
/// body runs again in a new transaction. So a body must not do what cannot be taken back: mail and hub messages come
/// after the commit, outside the body.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="body"/> in a transaction that the body commits with <see cref="Transaction.CommitAsync"/>;
    /// returning without committing rolls back (a refusal found halfway). Inside a transaction that is already open (a
    /// use case called by another), the body joins it: committing is then left to the owner, and a retry repeats the
    /// owner's body as a whole.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this AppDbContext db, Func<Transaction, CancellationToken, Task<T>> body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(body);
        if (db.Database.CurrentTransaction is not null) return await body(Transaction.Joined, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        if (!strategy.RetriesOnFailure) return await OnceAsync(db, body, ct);
        var before = TrackerSnapshot.Take(db);
        var attempt = 0;
        return await strategy.ExecuteAsync(async ct =>
        {
            // What a failed attempt left (rows it added, saves it accepted) is undone before the next one.
            if (attempt++ > 0) before.Restore(db);
            return await OnceAsync(db, body, ct);
        }, ct);
    }

    /// <summary>The same without a result.</summary>
    public static Task InTransactionAsync(this AppDbContext db, Func<Transaction, CancellationToken, Task> body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return db.InTransactionAsync(async (tx, ct) =>
        {
            await body(tx, ct);
            return true;
        }, ct);
    }

    private static async Task<T> OnceAsync<T>(AppDbContext db, Func<Transaction, CancellationToken, Task<T>> body, CancellationToken ct)
    {
        await using var inner = await db.Database.BeginTransactionAsync(ct);
        var tx = new Transaction(inner);
        try
        {
            return await body(tx, ct);
        }
        catch (Exception e) when (tx.Committed)
        {
            // A body that committed and then failed must not run again: its first run is in the database. Wrapped, the
            // error is no longer one the strategy retries; the outage handler still finds the cause inside it.
            throw new CommittedException(e);
        }
    }

    /// <summary>The transaction a body runs in: its own (committed here), or one it joined (committed by the owner).</summary>
    public sealed class Transaction
    {
        internal static readonly Transaction Joined = new(null);
        private readonly IDbContextTransaction? inner;

        internal Transaction(IDbContextTransaction? inner) => this.inner = inner;

        /// <summary>True when this body opened the transaction and so commits it.</summary>
        public bool Owned => inner is not null;

        /// <summary>True once the commit went through.</summary>
        public bool Committed { get; private set; }

        public async Task CommitAsync(CancellationToken ct = default)
        {
            if (inner is null) return;
            await inner.CommitAsync(ct);
            Committed = true;
        }
    }

    /// <summary>Work after the commit failed; what was committed stays, so the transaction is not run again.</summary>
    public sealed class CommittedException(Exception inner) : Exception("The transaction was committed; what followed failed.", inner);

    /// <summary>
    /// What the change tracker held before the first attempt: each entry's state, values and navigations. Restoring it
    /// forgets entities the failed attempt added or loaded, gives back what an accepted save marked unchanged (a new
    /// row gets a new temporary key again), and clears navigations that pointed at the forgotten entities.
    /// </summary>
    private sealed class TrackerSnapshot
    {
        private readonly List<Item> items;
        private readonly HashSet<object> entities;

        private TrackerSnapshot(List<Item> items)
        {
            this.items = items;
            entities = new HashSet<object>(items.Select(i => i.Entity), ReferenceEqualityComparer.Instance);
        }

        public static TrackerSnapshot Take(AppDbContext db) =>
            new(db.ChangeTracker.Entries().Select(Item.Of).ToList());

        public void Restore(AppDbContext db)
        {
            var tracker = db.ChangeTracker;
            var detect = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
            try
            {
                // Navigations first, so no later change detection finds a forgotten entity through them.
                foreach (var item in items) item.RestoreNavigations();
                foreach (var entry in tracker.Entries().Where(e => !entities.Contains(e.Entity)).ToList())
                {
                    var saved = entry.State is not EntityState.Added;
                    entry.State = EntityState.Detached;
                    // An object the body made before its save keeps its real key; when the body adds it again, it must be new.
                    if (saved) ResetGeneratedKey(entry);
                }
                foreach (var item in items) item.Restore(db);
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detect;
            }
        }

        private static void ResetGeneratedKey(EntityEntry entry)
        {
            foreach (var key in entry.Metadata.FindPrimaryKey()?.Properties ?? [])
                if (key.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && key.PropertyInfo is { CanWrite: true } p)
                    p.SetValue(entry.Entity, key.ClrType.IsValueType ? Activator.CreateInstance(key.ClrType) : null);
        }

        private sealed record Item(
            object Entity,
            EntityState State,
            PropertyValues Current,
            PropertyValues Original,
            HashSet<string> Modified,
            HashSet<string> Temporary,
            List<(INavigationBase Navigation, object? Value)> References,
            List<(INavigationBase Navigation, List<object> Items)> Collections)
        {
            public static Item Of(EntityEntry e) => new(
                e.Entity,
                e.State,
                e.CurrentValues.Clone(),
                e.OriginalValues.Clone(),
                e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal),
                e.Properties.Where(p => p.IsTemporary).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal),
                e.Navigations.Where(n => !n.Metadata.IsCollection && Clr(n.Metadata)).Select(n => (n.Metadata, n.CurrentValue)).ToList(),
                e.Navigations.Where(n => n.Metadata.IsCollection && Clr(n.Metadata))
                    .Select(n => (n.Metadata, (n.CurrentValue as IEnumerable)?.Cast<object>().ToList() ?? [])).ToList());

            private static bool Clr(INavigationBase n) => n.PropertyInfo is not null || n.FieldInfo is not null;

            public void RestoreNavigations()
            {
                foreach (var (navigation, value) in References)
                    if (!ReferenceEquals(Get(navigation), value)) Set(navigation, value);
                foreach (var (navigation, wanted) in Collections)
                {
                    if (Get(navigation) is not { } now) continue;
                    var accessor = navigation.GetCollectionAccessor()!;
                    foreach (var extra in ((IEnumerable)now).Cast<object>().Where(x => !wanted.Contains(x, ReferenceEqualityComparer.Instance)).ToList())
                        accessor.Remove(Entity, extra);
                    foreach (var missing in wanted.Where(x => !accessor.Contains(Entity, x)))
                        accessor.AddStandalone(Entity, missing);
                }
            }

            public void Restore(AppDbContext db)
            {
                var entry = db.Entry(Entity);
                if (State == EntityState.Added)
                {
                    // Added again from scratch: keys and keys of keys that were temporary get new temporary values.
                    entry.State = EntityState.Detached;
                    foreach (var property in entry.Metadata.GetProperties().Where(p => p.PropertyInfo is { CanWrite: true }))
                        property.PropertyInfo!.SetValue(Entity, Temporary.Contains(property.Name) ? Default(property) : Current[property]);
                    entry.State = EntityState.Added;
                    return;
                }
                // Unchanged first (a state change can reset values), then the values, then what was modified or deleted.
                entry.State = EntityState.Unchanged;
                entry.OriginalValues.SetValues(Original);
                entry.CurrentValues.SetValues(Current);
                if (State == EntityState.Modified)
                    foreach (var name in Modified) entry.Property(name).IsModified = true;
                else entry.State = State;
            }

            private static object? Default(IProperty property) => property.ClrType.IsValueType ? Activator.CreateInstance(property.ClrType) : null;

            private object? Get(INavigationBase n) => n.PropertyInfo is { } p ? p.GetValue(Entity) : n.FieldInfo!.GetValue(Entity);

            private void Set(INavigationBase n, object? value)
            {
                if (n.PropertyInfo is { CanWrite: true } p) p.SetValue(Entity, value);
                else n.FieldInfo?.SetValue(Entity, value);
            }
        }
    }
}
