using System.Text.RegularExpressions;
using MimeKit;

namespace Proeftuin.BrowserTests.Infrastructure;

/// <summary>Reads the .eml files the app writes to its pickup folder when no SMTP host is set.</summary>
public sealed partial class Mailbox(string directory)
{
    /// <summary>
    /// Waits for the newest message to <paramref name="to"/> whose text contains a link matching
    /// <paramref name="pathPrefix"/> (e.g. "/inloggen/link/") and returns that absolute link.
    /// MimeKit decodes quoted-printable, so soft line breaks never split the link.
    /// </summary>
    public async Task<string> WaitForLinkAsync(string to, string pathPrefix, DateTime notBeforeUtc, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var link = NewestLink(to, pathPrefix, notBeforeUtc);
            if (link is not null) return link;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No e-mail to {to} with a link to {pathPrefix} arrived in {directory}.");
            await Task.Delay(100);
        }
    }

    private string? NewestLink(string to, string pathPrefix, DateTime notBeforeUtc)
    {
        if (!Directory.Exists(directory)) return null;
        var files = new DirectoryInfo(directory).GetFiles("*.eml")
            .Where(f => f.LastWriteTimeUtc >= notBeforeUtc.AddSeconds(-1))
            .OrderByDescending(f => f.Name, StringComparer.Ordinal); // names start with a UTC timestamp
        foreach (var file in files)
        {
            MimeMessage message;
            try { message = MimeMessage.Load(file.FullName); }
            catch (IOException) { continue; } // still being written
            catch (FormatException) { continue; }
            if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))) continue;
            var body = message.TextBody ?? "";
            foreach (Match m in LinkPattern().Matches(body))
            {
                var url = m.Value.TrimEnd('.', ',', ')', '>');
                if (new Uri(url).AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal)) return url;
            }
        }
        return null;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
