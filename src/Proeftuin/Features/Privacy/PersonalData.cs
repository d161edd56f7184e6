namespace Proeftuin.Features.Privacy;

/// <summary>
/// A person-linked column a contributor answers for: the export shows it, erasure clears it. Property "*" means the
/// whole row is the person's and goes with them (an account, a sign-in link). The coverage test reads these.
/// </summary>
public sealed record PersonalColumn(Type Entity, string Property, string Erasure)
{
    public static readonly string WholeRow = "*";
    public static PersonalColumn Row(Type entity, string erasure) => new(entity, WholeRow, erasure);
}

/// <summary>Who the export or erasure is about. Email and name are searched for in free text where that is stored.</summary>
public sealed record PersonRef(string UserId, string? Email, string DisplayName)
{
    /// <summary>
    /// Matching by address reaches data of people without an account (invitations, stories told by e-mail), so only
    /// an address the person has confirmed counts: otherwise anyone could type someone else's address first.
    /// </summary>
    public static PersonRef Of(string userId, string? email, bool emailConfirmed, string displayName) =>
        new(userId, emailConfirmed ? email : null, displayName);
}

/// <summary>What the person chose for each of their stories; a story not mentioned is withdrawn (the safe choice).</summary>
public sealed record ErasureChoices(IReadOnlyDictionary<int, StoryChoice> Stories)
{
    public static readonly ErasureChoices WithdrawAll = new(new Dictionary<int, StoryChoice>());

    public StoryChoice For(int storyId) => Stories.TryGetValue(storyId, out var c) ? c : StoryChoice.Withdraw;
}

public enum StoryChoice
{
    /// <summary>Erase text, signification and everything about the teller, as "Verhaal intrekken" does.</summary>
    Withdraw = 0,
    /// <summary>Keep the text under the consent already given, without name, e-mail, key or account.</summary>
    KeepAnonymised = 1,
}

/// <summary>One part of "mijn gegevens": a title and a plain-language note for the HTML overview, rows of plain data for both files.</summary>
public sealed record PersonalDataSection(string Key, string Title, string Note, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

/// <summary>
/// Every feature that stores something about a person implements this once, in its own folder (ADR 0020):
/// what it stores (for the coverage test), a section for "Download mijn gegevens", and erasing or anonymising
/// for "Account verwijderen". Erasure runs inside one transaction for all contributors, in <see cref="Order"/>.
/// Never put another person's name, e-mail or text in an export section.
/// </summary>
public interface IPersonalDataContributor
{
    /// <summary>Lower runs first when erasing: stories before the thread (they are thread items), the account row last.</summary>
    int Order { get; }

    IReadOnlyList<PersonalColumn> Describe();

    Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct);

    Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct);
}

/// <summary>The word shown instead of the name of someone whose account was removed.</summary>
public static class FormerMember
{
    public const string Name = "Oud-deelnemer";
}

/// <summary>Small helpers to build rows.</summary>
public static class Row
{
    public static IReadOnlyDictionary<string, object?> Of(params (string Key, object? Value)[] fields)
    {
        var row = new Dictionary<string, object?>(fields.Length);
        foreach (var (key, value) in fields) row[key] = value;
        return row;
    }
}
