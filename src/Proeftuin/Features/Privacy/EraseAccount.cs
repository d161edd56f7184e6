using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Members;
using Proeftuin.Features.Stories;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Privacy;

public sealed record StoryToChoose(int Id, string Title, string Project, ConsentScope Scope, DateTime CreatedAt);

/// <summary>What the erasure page shows: the stories to choose for, and the projects that would lose their last facilitator.</summary>
public sealed record ErasurePlan(string UserId, string DisplayName, string? Email, IReadOnlyList<StoryToChoose> Stories, IReadOnlyList<string> BlockingProjects, bool EmailConfirmed = false)
{
    public bool Blocked => BlockingProjects.Count > 0;
}

/// <summary>
/// "Account verwijderen" (ADR 0020). The person chooses per story, asks, and confirms with a mailed link (24 hours,
/// once); an admin does the same on request, with a reason. Nothing happens while the person is the last
/// facilitator of a project. Every contributor erases its part in one transaction, the account row last; then the
/// SQLite log is emptied, so the erased text is not left in a file.
/// </summary>
public sealed class EraseAccount(AppDbContext db, Caller me, TimeProvider clock, IMailer mailer, AuditLog audit, IEnumerable<IPersonalDataContributor> contributors)
{
    public const string ChooseForEachStory = "Kies bij elk verhaal wat ermee moet gebeuren.";
    public const string LinkNotValid = "Deze link werkt niet meer. Hij was 24 uur geldig en werkt maar één keer. Vraag op je accountpagina opnieuw om je account te verwijderen.";
    public const string ReasonRequired = "Vul de reden in: hoe het verzoek binnenkwam, en het zaaknummer.";
    public const string NotYourself = "Je eigen account verwijder je op je accountpagina, met een bevestiging per e-mail.";
    public const int ReasonMax = 500;

    public async Task<Outcome<ErasurePlan>> PlanAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 450) return Outcome<ErasurePlan>.NotFound();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName, u.Email, u.EmailConfirmed }).FirstOrDefaultAsync(ct);
        if (user is null) return Outcome<ErasurePlan>.NotFound();
        var stories = await db.Stories.WithHidden().AsNoTracking().Where(s => s.TellerId == userId && s.WithdrawnAt == null).OrderBy(s => s.CreatedAt)
            .Select(s => new StoryToChoose(s.Id, s.Title, s.Project.Title, s.Scope, s.CreatedAt)).ToListAsync(ct);
        return Outcome<ErasurePlan>.Ok(new ErasurePlan(user.Id, user.DisplayName, user.Email, stories, await BlockingProjectsAsync(userId, ct), user.EmailConfirmed));
    }

    /// <summary>Projects where this person is the only facilitator: someone else must take over first.</summary>
    private Task<List<string>> BlockingProjectsAsync(string userId, CancellationToken ct) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == ProjectRole.Facilitator
                && !db.Memberships.Any(o => o.ProjectId == m.ProjectId && o.Role == ProjectRole.Facilitator && o.UserId != userId))
            .OrderBy(m => m.Project.Title).Select(m => m.Project.Title).ToListAsync(ct);

    public static string BlockedMessage(IReadOnlyList<string> projects) =>
        "Je bent de enige procesbegeleider van: " + string.Join(", ", projects) + ". Maak eerst iemand anders procesbegeleider van dat project. Daarna kun je je account verwijderen.";

    /// <summary>The person asks: choices are checked and kept, and the confirmation link is mailed.</summary>
    public async Task<Outcome<ErasurePlan>> RequestAsync(IReadOnlyDictionary<int, StoryChoice?> input, string linkBase, CancellationToken ct = default)
    {
        if (me.Id is null) return Outcome<ErasurePlan>.Forbidden();
        var planned = await PlanAsync(me.Id, ct);
        if (!planned.IsOk) return planned;
        var plan = planned.Value!;
        if (plan.Blocked) return Outcome<ErasurePlan>.Invalid("", "Je bent de enige procesbegeleider van: {0}. Maak eerst iemand anders procesbegeleider van dat project. Daarna kun je je account verwijderen.", string.Join(", ", plan.BlockingProjects));
        var choices = CheckChoices(plan, input);
        if (choices is null) return Outcome<ErasurePlan>.Invalid("", ChooseForEachStory);
        var now = clock.GetUtcNow().UtcDateTime;
        // A new request replaces an older one: only the newest link works.
        await db.Set<AccountErasureRequest>().Where(r => r.UserId == plan.UserId && r.UsedAt == null).ExecuteDeleteAsync(ct);
        var token = Tokens.New();
        db.Set<AccountErasureRequest>().Add(new AccountErasureRequest
        {
            UserId = plan.UserId,
            TokenHash = Tokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + AccountErasureRequest.Lifetime,
            ChoicesJson = JsonSerializer.Serialize(choices.Stories.ToDictionary(c => c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Value.ToString())),
        });
        audit.Add(AuditAction.AccountErasureRequested, subjectType: "account", subjectUserId: plan.UserId);
        await db.SaveChangesAsync(ct);
        if (!string.IsNullOrEmpty(plan.Email))
        {
            var link = $"{linkBase}/account/verwijderen/bevestigen?token={token}";
            await mailer.SendAsync(new MailMessage(plan.Email, "Bevestig: je account in Proeftuin verwijderen",
                $"Hallo {plan.DisplayName},\n\nJe vroeg om je account in Proeftuin te verwijderen. Dat gebeurt pas als je het bevestigt met deze link:\n{link}\n\n" +
                "De link werkt 24 uur en maar één keer. Je moet ingelogd zijn met je eigen account.\n\n" +
                "Vroeg je dit niet? Dan hoef je niets te doen: er verandert niets. Verander wel je wachtwoord.\n\n" +
                $"---\nConfirm removing your Proeftuin account: {link} (works for 24 hours, once)."), ct);
        }
        return Outcome<ErasurePlan>.Ok(plan);
    }

    /// <summary>Null when a story of the person has no valid choice, or a choice is for a story that is not theirs.</summary>
    private static ErasureChoices? CheckChoices(ErasurePlan plan, IReadOnlyDictionary<int, StoryChoice?> input)
    {
        var ids = plan.Stories.Select(s => s.Id).ToHashSet();
        if (input.Keys.Any(k => !ids.Contains(k))) return null;
        var result = new Dictionary<int, StoryChoice>();
        foreach (var id in ids)
        {
            if (!input.TryGetValue(id, out var choice) || choice is not { } c || !Enum.IsDefined(c)) return null;
            result[id] = c;
        }
        return new ErasureChoices(result);
    }

    /// <summary>The mailed link, opened: valid for the signed-in person? Someone else's link is not found.</summary>
    public async Task<Outcome<ErasurePlan>> CheckLinkAsync(string? token, CancellationToken ct = default)
    {
        var (outcome, _) = await FindRequestAsync(token, ct);
        return outcome;
    }

    private async Task<(Outcome<ErasurePlan>, AccountErasureRequest?)> FindRequestAsync(string? token, CancellationToken ct)
    {
        if (me.Id is null) return (Outcome<ErasurePlan>.Forbidden(), null);
        if (!Tokens.LooksValid(token)) return (Outcome<ErasurePlan>.Invalid("", LinkNotValid), null);
        var hash = Tokens.Hash(token!);
        var request = await db.Set<AccountErasureRequest>().FirstOrDefaultAsync(r => r.TokenHash == hash && r.UserId == me.Id, ct);
        if (request is null || request.UsedAt is not null || request.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
            return (Outcome<ErasurePlan>.Invalid("", LinkNotValid), null);
        var plan = await PlanAsync(me.Id, ct);
        return (plan, request);
    }

    /// <summary>Confirmed with the link: erase now. The caller signs the person out.</summary>
    public async Task<Outcome<ErasurePlan>> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        var (outcome, request) = await FindRequestAsync(token, ct);
        if (!outcome.IsOk || request is null) return outcome;
        var plan = outcome.Value!;
        if (plan.Blocked) return Outcome<ErasurePlan>.Invalid("", "Je bent de enige procesbegeleider van: {0}. Maak eerst iemand anders procesbegeleider van dat project. Daarna kun je je account verwijderen.", string.Join(", ", plan.BlockingProjects));
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(request.ChoicesJson) ?? [];
        var choices = new Dictionary<int, StoryChoice>();
        foreach (var (key, value) in stored)
            if (int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var id) && Enum.TryParse<StoryChoice>(value, out var c)) choices[id] = c;
        // A story told after the request was made was never chosen for: it is withdrawn (ErasureChoices' default).
        await EraseAsync(plan, new ErasureChoices(choices), reason: null, ct);
        return Outcome<ErasurePlan>.Ok(plan);
    }

    /// <summary>An admin, on the person's request (by phone, letter, at the counter), with the reason recorded.</summary>
    public async Task<Outcome<ErasurePlan>> EraseByAdminAsync(string? userId, string? reason, StoryChoice? stories, CancellationToken ct = default)
    {
        if (!me.IsAdmin) return Outcome<ErasurePlan>.Forbidden();
        var planned = await PlanAsync(userId, ct);
        if (!planned.IsOk) return planned;
        var plan = planned.Value!;
        if (plan.UserId == me.Id) return Outcome<ErasurePlan>.Invalid("", NotYourself);
        var v = new Validation();
        var why = v.Text("Reason", reason, ReasonMax, label: "Reden");
        if (why.Length == 0) { v = new Validation(); v.Add("Reason", ReasonRequired); }
        if (plan.Stories.Count > 0 && (stories is not { } s || !Enum.IsDefined(s))) v.Add("Stories", ChooseForEachStory);
        if (!v.IsValid) return v;
        if (plan.Blocked) return Outcome<ErasurePlan>.Invalid("", "{0} is de enige procesbegeleider van: {1}. Maak eerst iemand anders procesbegeleider van dat project.", plan.DisplayName, string.Join(", ", plan.BlockingProjects));
        var all = plan.Stories.ToDictionary(x => x.Id, _ => stories ?? StoryChoice.Withdraw);
        await EraseAsync(plan, new ErasureChoices(all), why, ct);
        return Outcome<ErasurePlan>.Ok(plan);
    }

    private async Task EraseAsync(ErasurePlan plan, ErasureChoices choices, string? reason, CancellationToken ct)
    {
        var person = PersonRef.Of(plan.UserId, plan.Email, plan.EmailConfirmed, plan.DisplayName);
        db.ChangeTracker.Clear();
        await db.InTransactionAsync(async (tx, ct) =>
        {
            foreach (var contributor in contributors.OrderBy(c => c.Order))
                await contributor.EraseAsync(person, choices, ct);
            // Who is gone is not said: no user id, no name. An admin is named as actor; the person themselves is not.
            audit.Add(AuditAction.AccountErased, subjectType: "account", detail: WithoutPerson(reason, plan), actorKind: reason is null ? ErasedActor : null);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }, ct);
        await DatabaseCheckpoint.TruncateWalAsync(db, ct);
    }

    /// <summary>The admin's reason stays in the log for years: the name and address it is meant to erase are taken out of it.</summary>
    private static string? WithoutPerson(string? reason, ErasurePlan plan)
    {
        if (reason is null) return null;
        foreach (var said in new[] { plan.Email, plan.DisplayName }.Where(x => !string.IsNullOrWhiteSpace(x) && x!.Trim().Length >= 2))
            reason = reason.Replace(said!.Trim(), "[persoon]", StringComparison.OrdinalIgnoreCase);
        return reason;
    }

    /// <summary>The actor of a self-erasure in the audit log: the account that acted no longer exists.</summary>
    public const string ErasedActor = "zelf, nu verwijderd";
}
