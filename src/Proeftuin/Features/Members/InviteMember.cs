using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Audit;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Members;

public sealed record CreatedInvitation(Invitation Invitation, string Url);

/// <summary>A facilitator invites someone by e-mail, or makes a single-use link to share in another way.</summary>
public sealed class InviteMember(AppDbContext db, ProjectAccess access, Caller user, IMailer mailer, TimeProvider clock, ILogger<InviteMember> logger, AuditLog audit)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <param name="email">Null makes a link to share; otherwise the link is e-mailed.</param>
    public async Task<Outcome<CreatedInvitation>> RunAsync(int projectId, string? email, ProjectRole role, string baseUrl, bool byEmail, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<CreatedInvitation>.NotFound();
        if (!permissions.CanManage) return Outcome<CreatedInvitation>.Forbidden();

        var v = new Validation();
        v.Enum("Role", role, "Kies een rol.");
        string? address = null;
        if (byEmail)
        {
            address = AccountRules.Email(v, "Email", email);
            if (v.IsValid && await db.Memberships.AnyAsync(m => m.ProjectId == projectId && m.User.Email == address, ct))
                v.Add("Email", "Deze persoon is al lid van het project.");
        }
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var token = Tokens.New();
        var invitation = new Invitation
        {
            ProjectId = projectId,
            Email = address,
            TokenHash = Tokens.Hash(token),
            Role = role,
            CreatedById = user.Id!,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var url = $"{baseUrl.TrimEnd('/')}/uitnodiging/{token}";
        if (address is not null)
        {
            var title = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
            try
            {
                await mailer.SendAsync(new MailMessage(address, $"Uitnodiging voor het project {title}",
                    $"Hallo,\n\n{user.DisplayName} nodigt je uit om mee te doen aan het project \"{title}\" in Proeftuin, als {role.Label().ToLowerInvariant()}.\n\n" +
                    $"Open deze link om de uitnodiging aan te nemen:\n{url}\n\nDe link werkt 14 dagen en één keer.\n\n" +
                    $"Hello, {user.DisplayName} invites you to join the project \"{title}\" in Proeftuin. Open the link above to accept; it works once, for 14 days.\n"), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An invitation nobody received is no invitation: take it back and say so.
                logger.LogError(e, "Invitation for project {ProjectId} could not be mailed", projectId);
                db.Invitations.Remove(invitation);
                await db.SaveChangesAsync(ct);
                return Outcome<CreatedInvitation>.Invalid("Email", "De e-mail kon niet worden verstuurd. Probeer het later opnieuw, of maak een uitnodigingslink.");
            }
        }
        // After the mail went out: an invitation nobody received is taken back above. The address itself is not logged.
        await audit.RecordAsync(AuditAction.InvitationSent, projectId, AuditSubjects.Invitation, invitation.Id.ToString(), detail: $"{(address is null ? "Uitnodigingslink" : "Per e-mail")}, rol: {role.Label()}", ct: ct);
        return Outcome<CreatedInvitation>.Ok(new CreatedInvitation(invitation, url));
    }
}
