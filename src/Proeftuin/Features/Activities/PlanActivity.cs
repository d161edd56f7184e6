using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Reflections;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>What the plan form sends; everything as typed, checked here.</summary>
public sealed record ActivityInput(string? Type, string? Title, string? Description, string? Day, string? StartTime, string? EndTime,
    string? Place, string? Accessibility, string? Capacity, string? SessionId, string? ReflectionId);

/// <summary>A live session or a reflection of the project, as a choice on the plan form.</summary>
public sealed record AttachChoice(int Id, string Title);

/// <summary>
/// Plans an activity, or changes one that is not cancelled. The description is Markdown, rendered and sanitised once.
/// A change raises the calendar SEQUENCE; more places move people up from the waiting list in the same transaction,
/// fewer places than are taken is refused.
/// </summary>
public sealed partial class PlanActivity(AppDbContext db, ActivityRules rules, Caller user, Markdown markdown, TimeProvider clock, WaitingList waitingList,
    Follows.FollowNews news)
{
    public async Task<(IReadOnlyList<AttachChoice> Sessions, IReadOnlyList<AttachChoice> Reflections)> ChoicesAsync(int? projectId, CancellationToken ct = default)
    {
        if (projectId is not { } pid) return ([], []);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ProjectId == pid).OrderByDescending(s => s.Id).Take(50)
            .Select(s => new AttachChoice(s.Id, s.Title)).ToListAsync(ct);
        var reflections = await db.Items.OfType<Reflection>().AsNoTracking().Where(r => r.ProjectId == pid).OrderByDescending(r => r.Id).Take(50)
            .Select(r => new AttachChoice(r.Id, r.Title)).ToListAsync(ct);
        return (sessions, reflections);
    }

    public async Task<Outcome<Activity>> AddAsync(int? programmeId, int? projectId, ActivityInput input, CancellationToken ct = default)
    {
        var allowed = await rules.CanPlanAsync(programmeId, projectId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Activity>.NotFound() : Outcome<Activity>.Forbidden();
        var home = allowed.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var activity = new Activity { ProgrammeId = home.ProgrammeId, ProjectId = home.ProjectId, CreatedById = user.Id, CreatedAt = now };
        var v = new Validation();
        if (!await ApplyAsync(v, activity, input, now, ct)) return v;
        db.Set<Activity>().Add(activity);
        await db.SaveChangesAsync(ct);
        if (activity.ProjectId is { } pid)
        {
            var title = await db.Projects.AsNoTracking().Where(x => x.Id == pid).Select(x => x.Title).FirstAsync(ct);
            await news.TellAsync([new Follows.NewsPlace(Follows.FollowTopic.Project, pid, title)], pid,
                new Follows.NewsLine($"Nieuwe activiteit: „{Follows.FollowNews.Cut(activity.Title, 120)}” op {Shared.Dates.DutchDay(activity.StartsAt)}", $"/activiteiten/{activity.Id}"), ct: ct);
        }
        return Outcome<Activity>.Ok(activity);
    }

    public async Task<Outcome<Activity>> EditAsync(int id, ActivityInput input, CancellationToken ct = default)
    {
        var found = await rules.ManageAsync(id, ct);
        if (!found.IsOk) return found;
        var activity = found.Value!;
        if (activity.IsCancelled) return Outcome<Activity>.Invalid("Title", "Deze activiteit is afgelast. Je kunt haar niet meer aanpassen.");
        var now = clock.GetUtcNow().UtcDateTime;
        var v = new Validation();
        if (!await ApplyAsync(v, activity, input, now, ct)) return v;
        activity.Sequence++;
        return await db.InTransactionAsync(async (tx, ct) =>
        {
            waitingList.DropQueued();
            // The places taken are read under the activity's lock: a sign-up at the same moment waits, or is counted.
            var taken = await waitingList.LockAsync(id, ct);
            if (activity.Capacity is { } cap && cap < taken)
                return Outcome<Activity>.Invalid("Capacity", "Er zijn al {0} mensen aangemeld. Kies minstens {0} plaatsen, of meld eerst mensen af.", taken);
            await db.SaveChangesAsync(ct);
            await waitingList.FillAsync(id, now, ct);
            await tx.CommitAsync(ct);
            return Outcome<Activity>.Ok(activity);
        }, ct);
    }

    /// <summary>Checks the form and fills the activity; false (with the errors in <paramref name="v"/>) when something is wrong.</summary>
    private async Task<bool> ApplyAsync(Validation v, Activity activity, ActivityInput input, DateTime now, CancellationToken ct)
    {
        var type = Validation.ExactName<ActivityType>(input.Type);
        if (type is null) v.Add("Type", "Kies wat voor activiteit het is.");
        var title = PlainText(v, "Title", input.Title, ActivityLimits.Title, "de naam van de activiteit");
        var description = v.Text("Description", input.Description, ActivityLimits.Description, required: false, label: "de tekst over de activiteit");
        var place = PlainText(v, "Place", input.Place, ActivityLimits.Place, "de plek");
        var accessibility = PlainText(v, "Accessibility", input.Accessibility, ActivityLimits.Accessibility, "de toegankelijkheid", required: false);

        var day = ExperimentDates.Read(v, "Day", input.Day, "de datum");
        var start = ActivityTimes.ReadTime(v, "StartTime", input.StartTime, "de begintijd");
        var end = ActivityTimes.ReadTime(v, "EndTime", input.EndTime, "de eindtijd");
        DateTime? startsAt = null, endsAt = null;
        if (day is { } d && start is { } s && end is { } e)
        {
            startsAt = ActivityTimes.ToUtc(d, s);
            endsAt = ActivityTimes.ToUtc(d, e);
            if (startsAt is null) v.Add("StartTime", "Die tijd bestaat niet op deze dag: de klok gaat dan een uur vooruit. Kies een andere begintijd.");
            else if (endsAt is null) v.Add("EndTime", "Die tijd bestaat niet op deze dag: de klok gaat dan een uur vooruit. Kies een andere eindtijd.");
            else
            {
                var changed = activity.Id == 0 || startsAt != activity.StartsAt;
                if (changed && startsAt <= now) v.Add("StartTime", "Dit moment is al voorbij. Kies een datum en tijd in de toekomst.");
                else if (d > ExperimentDates.Today(clock).AddYears(2)) v.Add("Day", "Kies een datum binnen twee jaar.");
                if (endsAt <= startsAt) v.Add("EndTime", "De eindtijd ligt voor de begintijd. Kies een eindtijd na {0}.", s.ToString("HH:mm", CultureInfo.InvariantCulture));
            }
        }

        int? capacity = null;
        var capacityText = (input.Capacity ?? "").Trim();
        if (capacityText.Length > 0)
        {
            if (capacityText.Length > 6 || !int.TryParse(capacityText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c) || c < 1 || c > ActivityLimits.MaxCapacity)
                v.Add("Capacity", "Vul bij het aantal plaatsen een getal van 1 tot {0} in. Laat het leeg als er geen grens is.", ActivityLimits.MaxCapacity);
            else capacity = c;
        }

        var sessionId = await AttachedAsync(v, "SessionId", input.SessionId, activity.ProjectId,
            (pid, id) => db.Sessions.AnyAsync(x => x.Id == id && x.ProjectId == pid, ct), "Kies een live sessie van dit project.");
        var reflectionId = await AttachedAsync(v, "ReflectionId", input.ReflectionId, activity.ProjectId,
            (pid, id) => db.Items.OfType<Reflection>().AnyAsync(x => x.Id == id && x.ProjectId == pid, ct), "Kies een reflectie van dit project.");
        if (!v.IsValid) return false;

        activity.Type = type!.Value;
        activity.Title = title;
        activity.Description = description;
        activity.DescriptionHtml = markdown.ToSafeHtml(description);
        activity.StartsAt = startsAt!.Value;
        activity.EndsAt = endsAt!.Value;
        activity.Place = place;
        activity.Accessibility = accessibility;
        activity.Capacity = capacity;
        activity.SessionId = sessionId;
        activity.ReflectionId = reflectionId;
        activity.UpdatedAt = now;
        return true;
    }

    private static async Task<int?> AttachedAsync(Validation v, string field, string? value, int? projectId, Func<int, int, Task<bool>> exists, string message)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) return null;
        if (projectId is not { } pid || text.Length > 10 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !await exists(pid, id))
        {
            v.Add(field, message);
            return null;
        }
        return id;
    }

    /// <summary>Plain text: HTML tags are refused with a clear message (pages would show them as text anyway).</summary>
    public static string PlainText(Validation v, string field, string? value, int max, string label, bool required = true)
    {
        var text = v.Text(field, value, max, required, label);
        if (HtmlTag().IsMatch(text)) v.Add(field, "{0} mag geen HTML bevatten. Schrijf gewone tekst.", label);
        return text;
    }

    [GeneratedRegex(@"<\s*[a-zA-Z!/?]")]
    private static partial Regex HtmlTag();
}
