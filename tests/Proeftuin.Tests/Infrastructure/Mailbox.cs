using System.Text.RegularExpressions;
using MimeKit;

namespace Proeftuin.Tests.Infrastructure;

/// <summary>Reads the .eml files the app writes into its pickup folder.</summary>
public sealed partial class Mailbox(string directory)
{
    public IReadOnlyList<MimeMessage> All()
    {
        if (!Directory.Exists(directory)) return [];
        return Directory.GetFiles(directory, "*.eml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .ToList();
    }

    /// <summary>Every message sent to this address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public MimeMessage NewestTo(string address) =>
        To(address).LastOrDefault() ?? throw new InvalidOperationException($"No mail for {address} in {directory}");

    /// <summary>The path (and query) of the first link in the newest mail to <paramref name="address"/> whose path starts with <paramref name="pathPrefix"/>.</summary>
    public string LinkTo(string address, string pathPrefix)
    {
        var body = NewestTo(address).TextBody ?? "";
        return ExtractLink(body, pathPrefix) ?? throw new InvalidOperationException($"No link to {pathPrefix} in the mail to {address}:\n{body}");
    }

    public static string? ExtractLink(string text, string pathPrefix)
    {
        foreach (Match m in UrlPattern().Matches(text))
        {
            var uri = new Uri(m.Value);
            if (uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal)) return uri.PathAndQuery;
        }
        return null;
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex UrlPattern();
}
