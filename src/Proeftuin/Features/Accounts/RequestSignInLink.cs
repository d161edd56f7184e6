using Microsoft.AspNetCore.Identity;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Accounts;

/// <summary>Mails a one-time sign-in link. Unknown addresses get the same answer, so nobody learns who has an account.</summary>
public enum LinkPurpose
{
    SignIn,
    ConfirmAddress,
}

public sealed class RequestSignInLink(AppDbContext db, UserManager<AppUser> users, IMailer mailer, TimeProvider clock, ILogger<RequestSignInLink> logger, AuditLog audit)
{
    public async Task<Outcome<bool>> RunAsync(string? email, string baseUrl, CancellationToken ct = default)
    {
        var v = new Validation();
        var address = AccountRules.Email(v, "Email", email);
        if (!v.IsValid) return v;

        var user = await users.FindByEmailAsync(address);
        // Unknown and blocked addresses get no mail, and the same answer.
        // Never the typed address: for an unknown one the log only says that someone asked.
        if (user is null || user.IsBlocked)
        {
            await audit.RecordAsync(AuditAction.SignInLinkRequested, subjectType: user is null ? null : AuditSubjects.Account, subjectId: user?.Id, subjectUserId: user?.Id,
                detail: user is null ? "Geen account met dit adres; geen e-mail gestuurd" : "Account geblokkeerd; geen e-mail gestuurd", ct: ct);
            return Outcome<bool>.Ok(false);
        }
        audit.Add(AuditAction.SignInLinkRequested, subjectType: AuditSubjects.Account, subjectId: user.Id, subjectUserId: user.Id);
        await SendAsync(user, baseUrl, LinkPurpose.SignIn, returnUrl: null, ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Stores a new link and mails it. A mail server that fails is logged, not shown: the answer stays the
    /// same for every address, and the person can ask for a new link.
    /// </summary>
    public async Task SendAsync(AppUser user, string baseUrl, LinkPurpose purpose, string? returnUrl, CancellationToken ct, string? passwordHash = null)
    {
        var confirmsRegistration = purpose == LinkPurpose.ConfirmAddress;
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Tokens.New();
        db.SignInLinks.Add(new SignInLink
        {
            UserId = user.Id,
            Email = user.Email!,
            TokenHash = Tokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + SignInLink.Lifetime,
            ConfirmsAddress = confirmsRegistration,
            PasswordHash = passwordHash,
        });
        await db.SaveChangesAsync(ct);

        var url = $"{baseUrl.TrimEnd('/')}/inloggen/link/{token}" +
            (string.IsNullOrEmpty(returnUrl) ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var message = confirmsRegistration
            ? new MailMessage(user.Email!, "Bevestig je account bij Proeftuin",
                $"Hallo {user.DisplayName},\n\nWelkom bij Proeftuin! Klik op deze link om je e-mailadres te bevestigen en in te loggen:\n{url}\n\n" +
                "De link werkt 15 minuten en maar één keer. Daarna kun je ook inloggen met je wachtwoord.\n" +
                "Heb je geen account gemaakt? Dan kun je deze e-mail negeren.\n\n" +
                $"Hello {user.DisplayName}, use the link above to confirm your e-mail address and sign in to Proeftuin. It works once, for 15 minutes.\n")
            : new MailMessage(user.Email!, "Je inloglink voor Proeftuin",
                $"Hallo {user.DisplayName},\n\nKlik op deze link om in te loggen bij Proeftuin:\n{url}\n\n" +
                "De link werkt 15 minuten en maar één keer.\nHeb je niet om deze link gevraagd? Dan kun je deze e-mail negeren.\n\n" +
                $"Hello {user.DisplayName}, use the link above to sign in to Proeftuin. It works once, for 15 minutes.\n");
        try
        {
            await mailer.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sign-in link for user {UserId} could not be mailed", user.Id);
        }
    }
}
