using System.Security.Cryptography;

namespace Proeftuin.Features.Sessions;

/// <summary>Join codes: six characters from an alphabet without look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B).</summary>
public static class JoinCodes
{
    public static readonly string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, SessionLimits.JoinCodeLength);

    /// <summary>What someone typed, as a code: upper case, spaces and dashes dropped; null when it cannot be one.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null || input.Length > 40) return null;
        var code = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == SessionLimits.JoinCodeLength && code.All(Alphabet.Contains) ? code : null;
    }

    /// <summary>Easier to read aloud and type: "ACD-EFG".</summary>
    public static string Display(string code) => code.Length == 6 ? $"{code[..3]}-{code[3..]}" : code;
}
