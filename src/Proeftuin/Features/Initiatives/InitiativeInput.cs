using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>The fields of the start and edit forms. Texts are Markdown. RespondsToItemId: an idea, question or decision of the same project.</summary>
public sealed record InitiativeInput(InitiativeType? Type, string? Title, string? What, string? Why, string? ForWhom, string? Needed, int? Threshold, int? RespondsToItemId)
{
    /// <summary>The kinds an initiative may grow from.</summary>
    public static readonly ItemKind[] Origins = [ItemKind.Idea, ItemKind.Question, ItemKind.Decision];

    /// <summary>Checks every field into <paramref name="v"/> and writes the valid values onto <paramref name="target"/>.</summary>
    internal async Task ApplyAsync(Validation v, Initiative target, Markdown markdown, AppDbContext db, int? projectId, bool thresholdFixed, CancellationToken ct)
    {
        if (Type is not { } type || !Enum.IsDefined(type)) v.Add("Type", "Kies wat voor initiatief het is.");
        var title = v.Text("Title", Title, InitiativeLimits.Title, label: "de naam van het initiatief");
        var what = v.Text("What", What, InitiativeLimits.Text, label: "wat jullie willen doen");
        var why = v.Text("Why", Why, InitiativeLimits.Text, label: "waarom het nodig is");
        var forWhom = v.Text("ForWhom", ForWhom, InitiativeLimits.Text, required: false, label: "voor wie het is");
        var needed = v.Text("Needed", Needed, InitiativeLimits.Text, required: false, label: "wat er nodig is");
        int threshold = target.Threshold;
        if (!thresholdFixed)
        {
            if (Threshold is not { } t || t < 1 || t > InitiativeLimits.MaxThreshold)
                v.Add("Threshold", "Vul in bij hoeveel mensen jullie beginnen: een aantal van 1 tot en met {0}.", InitiativeLimits.MaxThreshold);
            else threshold = t;
        }
        else if (Threshold is { } t && t != target.Threshold)
            v.Add("Threshold", "De drempel is gehaald. Het aantal kan niet meer veranderen.");
        if (RespondsToItemId is { } from)
        {
            if (projectId is not { } pid)
                v.Add("RespondsToItemId", "Een initiatief van het hele programma hoort niet bij een idee of vraag. Start het in het project.");
            else if (!await db.Items.AnyAsync(x => x.Id == from && x.ProjectId == pid && Origins.Contains(x.Kind), ct))
                v.Add("RespondsToItemId", "Kies een idee, vraag of besluit uit dit project, of geen.");
        }
        if (!v.IsValid) return;
        target.Type = Type!.Value;
        target.Title = title;
        target.What = what;
        target.WhatHtml = markdown.ToSafeHtml(what);
        target.Why = why;
        target.WhyHtml = markdown.ToSafeHtml(why);
        target.ForWhom = forWhom;
        target.ForWhomHtml = forWhom.Length == 0 ? "" : markdown.ToSafeHtml(forWhom);
        target.Needed = needed;
        target.NeededHtml = needed.Length == 0 ? "" : markdown.ToSafeHtml(needed);
        target.Threshold = threshold;
        target.RespondsToItemId = RespondsToItemId;
    }
}
