using System.Security.Cryptography;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The short code a guest types to join a session. Only characters that cannot be mistaken for another
/// (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), so a code read aloud or from a screen at the back of a room still works.
/// </summary>
public static class JoinCodes
{
    // Letters and digits without look-alikes; split in two parts only for readability.
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY" + "34679";

    /// <summary>A fresh random code of <see cref="SessionLimits.JoinCodeLength"/> characters (uniqueness is the caller's check).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, SessionLimits.JoinCodeLength);

    /// <summary>
    /// What someone typed, as a code: trimmed, upper case, without spaces and dashes. Look-alikes are not guessed
    /// (an O is not turned into a 0): null when the result is not exactly six characters of the alphabet.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return null;
        }
        Span<char> code = stackalloc char[SessionLimits.JoinCodeLength];
        var n = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-' || char.IsWhiteSpace(c))
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            if (n == code.Length || !Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }
            code[n++] = upper;
        }
        return n == code.Length ? new string(code) : null;
    }

    /// <summary>"ACDEFG" as "ACD-EFG": easier to read out and to type over.</summary>
    public static string Display(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var half = code.Length / 2;
        return code.Length == SessionLimits.JoinCodeLength ? $"{code[..half]}-{code[half..]}" : code;
    }
}
