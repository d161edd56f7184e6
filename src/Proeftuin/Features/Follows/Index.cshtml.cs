using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Follows;

/// <summary>/volgen: what I follow, how often I get the digest, and what waits for it.</summary>
[Authorize]
public sealed class IndexModel(ManageDigest manage, FollowThing follow) : PageModel
{
    public FollowOverview Overview { get; private set; } = null!;

    [BindProperty]
    public DigestFrequency? Frequency { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Overview = (await manage.OverviewAsync(HttpContext.RequestAborted))!;
        Frequency = Overview.Frequency;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await manage.SetFrequencyAsync(Frequency, HttpContext.RequestAborted);
        if (!result.IsOk)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Frequency), "Kies hoe vaak je e-mail wilt krijgen.");
            Overview = (await manage.OverviewAsync(HttpContext.RequestAborted))!;
            return Page();
        }
        switch (result.Value)
        {
            case DigestFrequency.Off: this.Flash("Opgeslagen. Je krijgt geen e-mail meer over wat je volgt; meldingen in de app blijven."); break;
            case DigestFrequency.Direct: this.Flash("Opgeslagen. Je krijgt direct een e-mail als er iets gebeurt, hoogstens één per vijf minuten."); break;
            case DigestFrequency.Weekly: this.Flash("Opgeslagen. Je krijgt elke maandag een samenvatting."); break;
            default: this.Flash("Opgeslagen. Je krijgt elke dag een samenvatting."); break;
        }
        return Redirect("/volgen");
    }

    public async Task<IActionResult> OnPostStopAsync(string? topic, int id)
    {
        if (FollowTopics.Slugs.Parse(topic) is { } t) await follow.SetAsync(t, id, false, HttpContext.RequestAborted);
        this.Flash("Je volgt dit niet meer.");
        return Redirect("/volgen");
    }

    public static string FrequencyText(DigestFrequency f) => f switch
    {
        DigestFrequency.Direct => "Direct (hoogstens één e-mail per vijf minuten)",
        DigestFrequency.Daily => "Elke dag één e-mail",
        DigestFrequency.Weekly => "Elke week één e-mail, op maandag",
        _ => "Geen e-mail, alleen meldingen in de app",
    };

    public static string TopicText(FollowTopic t) => t switch
    {
        FollowTopic.Project => "Project",
        FollowTopic.Initiative => "Initiatief",
        _ => "Bijdrage",
    };
}
