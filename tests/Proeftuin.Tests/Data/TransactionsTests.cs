using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Proeftuin.Data;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Notifications;

namespace Proeftuin.Tests.Data;

/// <summary>
/// The transaction helper (Data/Transactions.cs, ADR 0042) under a retrying strategy, on SQLite in memory with a commit
/// that fails once as a passing error: the body runs again and everything is saved exactly once, including changes made
/// before the helper was called and rows the failed attempt had already saved and accepted.
/// </summary>
public sealed class TransactionsTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly FailingCommits failures = new();

    public TransactionsTests()
    {
        connection.Open();
        using var db = Open(retrying: false);
        db.Database.EnsureCreated();
        db.Users.Add(new AppUser { Id = "u1", UserName = "u1", DisplayName = "Een" });
        db.Notifications.Add(new Notification { UserId = "u1", Text = "voor", Url = "/" });
        db.SaveChanges();
    }

    public void Dispose() => connection.Dispose();

    [Fact]
    public async Task A_commit_that_fails_once_is_retried_and_saves_everything_once()
    {
        await using var db = Open(retrying: true);
        // Prepared before the transaction, as many use cases do: a change to a loaded row and a new row.
        var first = await db.Notifications.SingleAsync();
        first.Text = "na";
        db.Notifications.Add(new Notification { UserId = "u1", Text = "vooraf", Url = "/" });
        failures.Left = 1;
        var attempts = 0;

        var id = await db.InTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            await db.SaveChangesAsync(ct);
            var made = new Notification { UserId = "u1", Text = "binnen", Url = "/" };
            db.Notifications.Add(made);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return made.Id;
        });

        Assert.Equal(2, attempts);
        Assert.Equal(0, failures.Left);
        await using var check = Open(retrying: false);
        var texts = await check.Notifications.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync();
        Assert.Equal(["na", "vooraf", "binnen"], texts);
        Assert.Equal(id, await check.Notifications.Where(n => n.Text == "binnen").Select(n => n.Id).SingleAsync());
        Assert.False(db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task A_body_that_returns_without_committing_rolls_back()
    {
        await using var db = Open(retrying: true);
        await db.InTransactionAsync(async (tx, ct) =>
        {
            db.Notifications.Add(new Notification { UserId = "u1", Text = "weg", Url = "/" });
            await db.SaveChangesAsync(ct);
        });
        await using var check = Open(retrying: false);
        Assert.False(await check.Notifications.AnyAsync(n => n.Text == "weg"));
    }

    [Fact]
    public async Task Inside_an_open_transaction_the_body_joins_it_and_the_owner_commits()
    {
        await using var db = Open(retrying: true);
        await db.InTransactionAsync(async (outer, ct) =>
        {
            await db.InTransactionAsync(async (inner, ct) =>
            {
                Assert.False(inner.Owned);
                db.Notifications.Add(new Notification { UserId = "u1", Text = "samen", Url = "/" });
                await db.SaveChangesAsync(ct);
                await inner.CommitAsync(ct);
            }, ct);
            Assert.NotNull(db.Database.CurrentTransaction);
            await outer.CommitAsync(ct);
        });
        await using var check = Open(retrying: false);
        Assert.True(await check.Notifications.AnyAsync(n => n.Text == "samen"));
    }

    [Fact]
    public async Task Work_that_fails_after_the_commit_is_not_run_again()
    {
        await using var db = Open(retrying: true);
        var attempts = 0;
        var error = await Assert.ThrowsAsync<Transactions.CommittedException>(() => db.InTransactionAsync(async (tx, ct) =>
        {
            attempts++;
            db.Notifications.Add(new Notification { UserId = "u1", Text = "eenmaal", Url = "/" });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            throw new PassingException();
        }));
        Assert.IsType<PassingException>(error.InnerException);
        Assert.Equal(1, attempts);
        await using var check = Open(retrying: false);
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.Text == "eenmaal"));
    }

    private SqliteAppDbContext Open(bool retrying)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite(connection, o =>
            {
                if (retrying) o.ExecutionStrategy(d => new RetryOnPassing(d));
            })
            .AddInterceptors(failures)
            .Options;
        return new SqliteAppDbContext(options);
    }

    private sealed class PassingException() : Exception("a passing failure");

    /// <summary>Retries only the test's own passing failure, at once.</summary>
    private sealed class RetryOnPassing(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, 3, TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is PassingException;
    }

    /// <summary>Fails the next <see cref="Left"/> commits, as a connection lost at the commit would.</summary>
    private sealed class FailingCommits : DbTransactionInterceptor
    {
        public int Left { get; set; }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Left > 0)
            {
                Left--;
                throw new PassingException();
            }
            return ValueTask.FromResult(result);
        }
    }
}
