using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Moderation in the demo (issue 14): a reactie on "De zondagen" that names a neighbour and her phone number, reported by
/// the wijkteam worker, waiting in the facilitator's queue.
/// </summary>
internal static class DemoModeration
{
    public const string ReportedComment = "Mijn buurvrouw mevrouw Jansen van nummer 14 weet hier alles van.";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var story = await db.Stories.Where(s => s.ProjectId == lonely.Id && s.Title == "De zondagen").Select(s => (int?)s.Id).FirstOrDefaultAsync();
        if (story is not { } storyId) return;
        var text = ReportedComment + " Bel haar gerust op 024-1234567, ze is altijd thuis.";
        var comment = new Comment
        {
            ItemId = storyId,
            ProjectId = lonely.Id,
            AuthorId = users["inwoner"].Id,
            Text = text,
            Html = markdown.ToSafeHtml(text),
            KnowledgeSource = Perspective.Experience,
            Phase = Phase.Empathize,
            CreatedAt = now.AddDays(-3),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        db.Add(new Report
        {
            TargetKind = "reactie",
            TargetId = comment.Id,
            ProjectId = lonely.Id,
            ReporterId = users["wijkteam"].Id,
            Reason = ReportReason.PersonalData,
            Note = "Hier staan de naam en het telefoonnummer van iemand die niet meedoet.",
            CreatedAt = now.AddDays(-1),
        });
        await db.SaveChangesAsync();
    }
}
