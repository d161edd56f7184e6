using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Gates;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Review;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// The review board in the demo (issue 13): the external reviewer's advice that the "terug naar ideeën" gate took, and
/// her open advice for the next gate, about the learning question on welcoming new visitors.
/// </summary>
internal static class DemoReview
{
    public const string OpenAdvice = "Kijk bij het volgende besluit niet alleen naar hoeveel mensen er komen.";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var reviewer = users["reviewer"].Id;
        var back = await db.Set<GateDecision>().Where(g => g.ProjectId == lonely.Id && g.Verdict == GateVerdict.Back).OrderByDescending(g => g.At).FirstOrDefaultAsync();
        var welcome = await db.Items.OfType<LearningQuestion>().Where(q => q.ProjectId == lonely.Id && q.Status == LearningStatus.Exploring)
            .OrderBy(q => q.Id).Select(q => (int?)q.Id).FirstOrDefaultAsync();

        ReviewAdvice Advice(string text, Phase phase, DateTime at, int? about, GateDecision? decision) => new()
        {
            ProjectId = lonely.Id,
            AuthorId = reviewer,
            Phase = phase,
            AboutQuestionId = about,
            Text = text,
            Html = markdown.ToSafeHtml(text),
            CreatedAt = at,
            Decision = decision,
        };
        if (back is not null)
            db.Add(Advice("De proef laat zien dat mensen wel komen, maar dat **nieuwe bezoekers** afhaken. Ga terug naar ideeën, en bedenk die samen met bewoners die zelf nieuw waren in de wijk.",
                Phase.Prototype, back.At.AddHours(-6), null, back));
        db.Add(Advice(OpenAdvice + " Vraag nieuwe bezoekers na een paar weken of ze terugkwamen, en waarom wel of niet.\n\n- Spreek met de gastvrouwen af wie dat vraagt.\n- Zet de antwoorden bij de leervraag.",
            lonely.Phase, now.AddDays(-2), welcome, null));
        await db.SaveChangesAsync();
    }
}
