using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Proeftuin.Data;

namespace Proeftuin.Web.Mail;

/// <summary>Headers: extra mail headers, such as List-Unsubscribe on digests (RFC 8058).</summary>
public sealed record MailMessage(string To, string Subject, string Body, IReadOnlyDictionary<string, string>? Headers = null);

public interface IMailer
{
    Task SendAsync(MailMessage message, CancellationToken ct = default);
}

public sealed class MailOptions
{
    public string From { get; set; } = "Proeftuin <noreply@proeftuin.local>";
    /// <summary>Where .eml files go when no SMTP host is set; relative to the app-data folder.</summary>
    public string PickupDirectory { get; set; } = "mail";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpStartTls { get; set; } = true;
}

public static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Mail");
        var dataDir = AppData.Directory(builder);
        builder.Services.Configure<MailOptions>(section);
        builder.Services.PostConfigure<MailOptions>(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, dataDir));
        if (string.IsNullOrWhiteSpace(section["SmtpHost"]))
            builder.Services.AddSingleton<IMailer, PickupFolderMailer>();
        else
            builder.Services.AddSingleton<IMailer, SmtpMailer>();
        return builder;
    }

    internal static MimeMessage ToMime(this MailMessage message, MailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
            mime.Headers.Add(name, value);
        return mime;
    }
}

/// <summary>Development and tests: every message becomes an .eml file, so links can be followed.</summary>
public sealed class PickupFolderMailer(Microsoft.Extensions.Options.IOptions<MailOptions> options, ILogger<PickupFolderMailer> logger) : IMailer
{
    public async Task SendAsync(MailMessage message, CancellationToken ct = default)
    {
        var dir = options.Value.PickupDirectory;
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.ToMime(options.Value).WriteToAsync(path, ct);
        logger.LogInformation("Mail for {To} written to pickup folder", message.To);
    }
}

public sealed class SmtpMailer(Microsoft.Extensions.Options.IOptions<MailOptions> options) : IMailer
{
    public async Task SendAsync(MailMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await client.SendAsync(message.ToMime(o), ct);
        await client.DisconnectAsync(true, ct);
    }
}
