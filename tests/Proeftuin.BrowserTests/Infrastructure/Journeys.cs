using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.BrowserTests.Infrastructure;

/// <summary>What the proeftuin journeys share: a project of their own, and axe plus screenshots on each page they pass.</summary>
public static class Journeys
{
    /// <summary>
    /// An open project of its own (so the demo stays as it is) in the given phase, with its members (demo users by
    /// e-mail) and a "Project gestart" step; added to the context, not saved, so the caller adds what the journey needs.
    /// </summary>
    public static async Task<Project> AddProjectAsync(AppDbContext db, string title, Phase phase, params (string Email, ProjectRole Role, Perspective Perspective)[] members)
    {
        var project = new Project
        {
            ProgrammeId = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            Title = title + " " + Guid.NewGuid().ToString("N")[..6],
            CentralQuestion = "Hoe kunnen we ervoor zorgen dat bewoners op zondag iemand treffen?",
            Phase = phase,
            Visibility = Visibility.Open,
            CreatedAt = DateTime.UtcNow,
        };
        string? first = null;
        foreach (var (email, role, perspective) in members)
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            first ??= userId;
            project.Members.Add(new Membership { UserId = userId, Role = role, Perspective = perspective, JoinedAt = DateTime.UtcNow });
        }
        project.PhaseHistory.Add(new PhaseTransition { FromPhase = null, ToPhase = phase, Reason = "Project gestart", ByUserId = first, At = DateTime.UtcNow.AddDays(-30) });
        db.Projects.Add(project);
        return project;
    }

    /// <summary>The demo facilitator as a project's only member.</summary>
    public static readonly (string, ProjectRole, Perspective) Facilitator = (BrowserFixture.Facilitator, ProjectRole.Facilitator, Perspective.Professional);

    /// <summary>
    /// Axe and reflow at 1280 and 320 px (findings collected, not thrown, so one run lists them all), then screenshots
    /// at 390 and 1280 px in the temp folder as {prefix}-{shot}-{width}.png, to look at. Phone only: 320 and 390.
    /// </summary>
    public static async Task CheckAsync(IPage page, string where, StringBuilder findings, string prefix, string shot, bool phoneOnly = false)
    {
        foreach (var width in phoneOnly ? new[] { 320 } : new[] { 1280, 320 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await AccessibilityTests.CheckAsync(page, where, width, findings);
        }
        foreach (var width in phoneOnly ? new[] { 390 } : new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"{prefix}-{shot}-{width}.png"), FullPage = true });
        }
    }
}
