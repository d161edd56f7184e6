using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Activities;
using Proeftuin.Features.Follows;
using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Projects;

namespace Proeftuin.Data;

/// <summary>
/// Follows in the demo (issue 14): the resident follows the project and the Right to Challenge and wants a daily digest;
/// three lines wait for it (the municipality's response, a new activity and a phase decision), so the digest job sends
/// a demo digest at its first pass. The wijkteam worker follows the project with a weekly digest.
/// </summary>
internal static class DemoFollows
{
    public static async Task SeedAsync(AppDbContext db, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var challenge = await db.Set<Initiative>().Where(i => i.Title == DemoInitiatives.ChallengeTitle).Select(i => i.Id).FirstAsync();
        var walk = await db.Set<Activity>().Where(a => a.Title == DemoActivities.WalkTitle).Select(a => new { a.Id, a.Title, a.StartsAt }).FirstAsync();
        var resident = users["inwoner"].Id;
        var worker = users["wijkteam"].Id;
        db.AddRange(
            new Follow { UserId = resident, Topic = FollowTopic.Project, TargetId = lonely.Id, CreatedAt = now.AddDays(-20) },
            new Follow { UserId = resident, Topic = FollowTopic.Initiative, TargetId = challenge, CreatedAt = now.AddDays(-9) },
            new Follow { UserId = worker, Topic = FollowTopic.Project, TargetId = lonely.Id, CreatedAt = now.AddDays(-30) },
            new DigestSetting { UserId = resident, Frequency = DigestFrequency.Daily, LastSentAt = now.AddDays(-1) },
            new DigestSetting { UserId = worker, Frequency = DigestFrequency.Weekly, LastSentAt = now.AddDays(-3) });
        DigestEntry Line(string group, string text, string url, int hoursAgo, string? kind = null, int? id = null) => new()
        {
            UserId = resident,
            Group = group,
            Text = text,
            Url = url,
            AboutKind = kind,
            AboutId = id,
            CreatedAt = now.AddHours(-hoursAgo),
        };
        db.AddRange(
            Line(DemoInitiatives.ChallengeTitle, $"Reactie op het initiatief „{DemoInitiatives.ChallengeTitle}”: in gesprek", $"/initiatieven/{challenge}#reacties", 20, "initiatief", challenge),
            Line(lonely.Title, $"Nieuwe activiteit: „{walk.Title}” op {Shared.Dates.DutchDay(walk.StartsAt)}", $"/activiteiten/{walk.Id}", 6),
            Line(lonely.Title, $"Fasebesluit in „{lonely.Title}”: doorgaan, naar de fase {lonely.Phase.Label()}", $"/projecten/{lonely.Id}/fase", 3));
        await db.SaveChangesAsync();
    }
}
