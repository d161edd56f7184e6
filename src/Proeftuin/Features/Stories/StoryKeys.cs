using System.Security.Cryptography;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// The private key of a teller without an account. A story shared through the share link gets a long key (a link to
/// save or copy); a story recorded at the kitchen table gets a short code that can be read off a printed slip and
/// typed by hand: four groups of four characters without look-alikes (no 0/O, 1/I/L), about 79 bits, so guessing
/// is hopeless. Only the hash of either is stored (<see cref="Story.TellerKeyHash"/>).
/// </summary>
public static class StoryKeys
{
    /// <summary>31 characters that cannot be mistaken for one another on paper.</summary>
    private static string Alphabet => "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Groups = 4;
    private const int GroupLength = 4;
    /// <summary>The shape of a short code as written: XXXX-XXXX-XXXX-XXXX.</summary>
    public const int ShortLength = Groups * GroupLength + Groups - 1;

    /// <summary>A new short code, e.g. "K7QM-3TXD-9PHW-R2CF".</summary>
    public static string NewShort()
    {
        var chars = new char[ShortLength];
        for (var i = 0; i < ShortLength; i++)
            chars[i] = i % (GroupLength + 1) == GroupLength ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>
    /// What someone typed, as the code is written: capitals, groups of four with dashes. Spaces, dots and missing dashes
    /// and small letters are forgiven.
    /// Null when it cannot be a short code.
    /// </summary>
    public static string? NormalizeShort(string? typed)
    {
        if (typed is null || typed.Length > 64) return null;
        var plain = new string(typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (plain.Length != Groups * GroupLength || plain.Any(c => !Alphabet.Contains(c))) return null;
        return string.Join('-', plain.Chunk(GroupLength).Select(g => new string(g)));
    }

    public static bool LooksShort(string? key) => key is { Length: ShortLength } && NormalizeShort(key) == key;

    /// <summary>Either kind of key, in its written shape; anything else is refused before the database is asked.</summary>
    public static bool LooksValid(string? key) => Tokens.LooksValid(key) || LooksShort(key);

    public static string Hash(string key) => Tokens.Hash(key);

    /// <summary>The short address printed on the slip and mailed: opens the story with its key.</summary>
    public static string ShortPath(string key) => "/v/" + key;
}
