using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Stories;

/// <summary>
/// The story as a thread kind (ADR 0017): it lives in this folder with its own pages and consent rules, and joins the
/// thread through the same links. Told on its own pages, so not made on the thread page (no form). A withdrawn story
/// counts nowhere; GetProjectOverview leaves it out before counting.
/// </summary>
public static class StoryKind
{
    /// <summary>Story to story says nothing the thread needs, and would tell one teller about another's story.</summary>
    public const string NotWithStory = "Twee verhalen kun je niet met elkaar verbinden. Verbind ze allebei met een inzicht.";

    public static readonly ThreadKind Descriptor = new(ItemKind.Story, typeof(Story), "Ervaringsverhaal", "Ervaringsverhalen", "verhaal", "Story",
        BalanceRule.In(BalanceRows.Stories), LinkRule.Any with { NeverWith = [ItemKind.Story], NeverMessage = NotWithStory })
    { PagePath = "/verhalen", Phase = Phase.Empathize };
}
