using Microsoft.AspNetCore.Identity;
using Proeftuin.Data;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Accounts;

/// <summary>Mails a one-time sign-in link. Unknown addresses get the same answer, so nobody learns who has an account.</summary>
public sealed class RequestSignInLink(AppDbContext db, UserManager<AppUser> users, IMailer mailer, TimeProvider clock)
{
    public async Task<Outcome<bool>> RunAsync(string? email, string baseUrl, CancellationToken ct = default)
    {
        var v = new Validation();
        var address = AccountRules.Email(v, "Email", email);
        if (!v.IsValid) return v;

        var user = await users.FindByEmailAsync(address);
        if (user is null) return Outcome<bool>.Ok(false);

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Tokens.New();
        db.SignInLinks.Add(new SignInLink { UserId = user.Id, TokenHash = Tokens.Hash(token), CreatedAt = now, ExpiresAt = now + SignInLink.Lifetime });
        await db.SaveChangesAsync(ct);

        var url = $"{baseUrl.TrimEnd('/')}/inloggen/link/{token}";
        await mailer.SendAsync(new MailMessage(address, "Je inloglink voor Proeftuin",
            $"Hallo {user.DisplayName},\n\nKlik op deze link om in te loggen bij Proeftuin:\n{url}\n\n" +
            "De link werkt 15 minuten en maar één keer.\nHeb je niet om deze link gevraagd? Dan kun je deze e-mail negeren.\n\n" +
            $"Hello {user.DisplayName}, use the link above to sign in to Proeftuin. It works once, for 15 minutes.\n"), ct);
        return Outcome<bool>.Ok(true);
    }
}
