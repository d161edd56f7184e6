using System.Linq.Expressions;
using Proeftuin.Data;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>
/// Who reads, writes and publishes lessons (ADR 0034). A team lesson stays with the project's members (observers too:
/// they are on the member list) and admins, wherever it would show: the library, its page, the thread, search, the
/// trace and the API. A public lesson is for everyone. The team (members and up) writes lessons; making one public is
/// a choice for a facilitator or evaluator, because it then leaves the project.
/// </summary>
public static class LessonRules
{
    public const string HiddenLesson = "een les alleen voor het team";
    public const string OnlyFacilitatorPublishes = "Alleen een begeleider of evaluator kan een les openbaar maken. Kies „Alleen het team”.";

    public static bool SeesTeamLessons(ProjectPermissions? p) => p is not null && (p.IsMember || p.IsAdmin);

    public static bool MayRead(ProjectPermissions? p, LessonVisibility visibility) =>
        visibility == LessonVisibility.Public || SeesTeamLessons(p);

    public static bool MayWrite(ProjectPermissions p) => p.IsTeam || p.IsAdmin;

    public static bool MayPublish(ProjectPermissions p) => p.Role is Members.ProjectRole.Facilitator or Members.ProjectRole.Evaluator || p.IsAdmin;

    /// <summary>Items of one project as this reader may see them: team lessons only for its members.</summary>
    public static Expression<Func<ThreadItem, bool>> VisibleTo(ProjectPermissions? p) =>
        SeesTeamLessons(p) ? _ => true : i => i.Kind != ItemKind.Lesson || ((Lesson)i).Visibility == LessonVisibility.Public;

    /// <summary>Lessons across projects the caller may read: public ones, and their own projects' team lessons.</summary>
    public static IQueryable<Lesson> Readable(AppDbContext db, Caller user)
    {
        var lessons = db.Items.OfType<Lesson>();
        if (user.IsAdmin) return lessons;
        if (user.Id is not { } userId) return lessons.Where(l => l.Visibility == LessonVisibility.Public);
        var mine = db.Memberships.Where(m => m.UserId == userId).Select(m => m.ProjectId);
        return lessons.Where(l => l.Visibility == LessonVisibility.Public || mine.Contains(l.ProjectId));
    }
}
