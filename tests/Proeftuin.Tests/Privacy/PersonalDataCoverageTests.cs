using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Privacy;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Privacy;

/// <summary>
/// Issue 10, point 5: every column that refers to a person is covered by some personal-data contributor, so a new
/// feature cannot store something about people that "Download mijn gegevens" and "Account verwijderen" forget.
/// </summary>
public sealed class PersonalDataCoverageTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    /// <summary>Names that say a column is about a person: an account, an address, a name, a key, a guest, a network address.</summary>
    private static readonly Regex PersonLike = new(
        @"(UserId|ById|Email|Name|KeyHash|AddressHash|ClientHash|IpAddress|^Ip)$|^Guest|Email|^Teller|^Author",
        RegexOptions.CultureInvariant);

    /// <summary>The exceptions, each with its reason. Keep this short.</summary>
    private static readonly Dictionary<(Type, string), string> NotAPerson = new()
    {
        [(typeof(IdentityRole), nameof(IdentityRole.Name))] = "a role such as Admin",
        [(typeof(IdentityRole), nameof(IdentityRole.NormalizedName))] = "a role such as Admin",
        [(typeof(Theme), nameof(Theme.Name))] = "a theme such as armoede",
        [(typeof(Partner), nameof(Partner.Name))] = "an organisation",
        [(typeof(Cluster), nameof(Cluster.Name))] = "the heading of a group of post-its",
        [(typeof(JourneyStep), nameof(JourneyStep.Name))] = "a step of a journey map",
        [(typeof(DataProtectionKey), nameof(DataProtectionKey.FriendlyName))] = "a key of the app itself",
    };

    private async Task<(AppDbContext Db, AsyncServiceScope Scope, List<PersonalColumn> Columns)> LoadAsync()
    {
        var scope = factory.Services.CreateAsyncScope();
        var columns = scope.ServiceProvider.GetServices<IPersonalDataContributor>().SelectMany(c => c.Describe()).ToList();
        return (scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope, columns);
    }

    private static bool Covered(List<PersonalColumn> columns, Type entity, string property) =>
        columns.Any(c => c.Entity.IsAssignableFrom(entity) && (c.Property == property || c.Property == PersonalColumn.WholeRow))
        // A property declared on a base type (ThreadItem.AuthorId) is covered by a description of the base.
        || columns.Any(c => entity.IsAssignableFrom(c.Entity) && c.Property == property);

    [Fact]
    public async Task Every_person_linked_column_is_covered_by_a_contributor()
    {
        var (db, scope, columns) = await LoadAsync();
        await using var _ = scope;
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var type = entity.ClrType;
            var personal = entity.GetDeclaredProperties().Where(p => PersonLike.IsMatch(p.Name)).Select(p => p.Name)
                .Concat(entity.GetDeclaredForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(AppUser)).SelectMany(fk => fk.Properties).Select(p => p.Name))
                .Distinct();
            foreach (var property in personal)
                if (!NotAPerson.ContainsKey((type, property)) && !Covered(columns, type, property))
                    missing.Add($"{type.Name}.{property}");
        }
        Assert.True(missing.Count == 0,
            "These columns refer to a person but no IPersonalDataContributor describes them (export and erasure would forget them):\n  "
            + string.Join("\n  ", missing));
    }

    [Fact]
    public async Task Every_described_column_exists_and_every_exception_is_still_needed()
    {
        var (db, scope, columns) = await LoadAsync();
        await using var _ = scope;
        foreach (var c in columns)
        {
            var entity = db.Model.FindEntityType(c.Entity);
            Assert.True(entity is not null, $"{c.Entity.Name} is not in the model");
            if (c.Property != PersonalColumn.WholeRow)
                Assert.True(entity!.FindProperty(c.Property) is not null, $"{c.Entity.Name}.{c.Property} is not in the model");
            Assert.False(string.IsNullOrWhiteSpace(c.Erasure), $"{c.Entity.Name}.{c.Property}: say what erasure does");
        }
        foreach (var ((type, property), reason) in NotAPerson)
        {
            Assert.NotNull(db.Model.FindEntityType(type)?.FindProperty(property));
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }

    [Fact]
    public async Task Every_feature_that_stores_people_has_its_contributor_in_its_own_folder()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var namespaces = scope.ServiceProvider.GetServices<IPersonalDataContributor>().Select(c => c.GetType().Namespace!.Split('.').Last()).ToHashSet();
        foreach (var folder in new[] { "Accounts", "Members", "Stories", "Thread", "Signification", "Notifications", "Sessions", "News", "Projects", "Audit", "Privacy" })
            Assert.Contains(folder, namespaces);
        // Sanity: the check itself finds a person-linked column when nobody covers it.
        Assert.False(Covered([], typeof(Participant), nameof(Participant.DisplayName)));
        Assert.Matches(PersonLike, "ReviewedById");
        Assert.Matches(PersonLike, "GuestCode");
    }
}
