using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Reflections;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

public sealed record AttachedView(int Id, string Title);

public sealed record ActivityView(
    Activity Activity, ActivityHome Home, int Registered, int Waiting, RegistrationStatus? MyStatus, int? MyPlace,
    AttachedView? Session, AttachedView? Reflection, bool CanManage, bool IsPast)
{
    public int? PlacesLeft => Activity.Capacity is { } c ? Math.Max(0, c - Registered) : null;
    public bool IsFull => PlacesLeft == 0;
    public bool MayRegister => !Activity.IsCancelled && !IsPast && MyStatus is null;
}

/// <summary>An activity for its page: where, when, places left, the waiting list's length and the caller's own place on it.</summary>
public sealed class GetActivity(AppDbContext db, ActivityRules rules, Caller user, TimeProvider clock)
{
    public async Task<ActivityView?> RunAsync(int id, CancellationToken ct = default)
    {
        if (await rules.ReadAsync(id, ct: ct) is not var (a, manage)) return null;
        var home = await rules.HomeAsync(a.ProgrammeId, a.ProjectId, ct);
        var counts = await db.Set<ActivityRegistration>().AsNoTracking().Where(r => r.ActivityId == id && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        RegistrationStatus? mine = null;
        int? place = null;
        if (user.Id is { } uid)
        {
            var r = await db.Set<ActivityRegistration>().AsNoTracking()
                .FirstOrDefaultAsync(x => x.ActivityId == id && x.UserId == uid && x.Status != RegistrationStatus.Cancelled, ct);
            mine = r?.Status;
            if (r is { Status: RegistrationStatus.WaitingList })
                place = 1 + await db.Set<ActivityRegistration>().CountAsync(x => x.ActivityId == id && x.Status == RegistrationStatus.WaitingList
                    && (x.CreatedAt < r.CreatedAt || (x.CreatedAt == r.CreatedAt && x.Id < r.Id)), ct);
        }
        var session = a.SessionId is { } sid ? await db.Sessions.AsNoTracking().Where(s => s.Id == sid).Select(s => new AttachedView(s.Id, s.Title)).FirstOrDefaultAsync(ct) : null;
        var reflection = a.ReflectionId is { } rid
            ? await db.Items.OfType<Reflection>().AsNoTracking().Where(x => x.Id == rid).Select(x => new AttachedView(x.Id, x.Title)).FirstOrDefaultAsync(ct)
            : null;
        return new ActivityView(a, home, counts.Where(c => c.Key == RegistrationStatus.Registered).Sum(c => c.Count),
            counts.Where(c => c.Key == RegistrationStatus.WaitingList).Sum(c => c.Count), mine, place, session, reflection, manage,
            a.EndsAt <= clock.GetUtcNow().UtcDateTime);
    }
}
