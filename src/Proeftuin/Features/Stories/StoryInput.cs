using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// What a teller (or the facilitator writing it down) fills in. Perspective and scope are names, not enums,
/// so an unknown value gets a Dutch message from the use case instead of a binding error, on pages and API alike.
/// </summary>
public sealed record StoryInput(
    int? PromptId,
    string? Title,
    string? Text,
    string? Perspective,
    string? Scope,
    bool MayQuote,
    bool NotifyByEmail,
    string? TellerName,
    string? TellerEmail = null);

/// <summary>The checks every way of telling a story shares: signed in, through the share link, or on someone's behalf.</summary>
internal static partial class StoryFields
{
    /// <summary>Checks the input and, only when all of it is valid, writes it onto the story.</summary>
    public static async Task<Validation> ApplyAsync(AppDbContext db, Story story, int projectId, StoryInput input,
        Perspective defaultPerspective, bool allowEmail, CancellationToken ct)
    {
        var v = new Validation();
        var promptId = await PromptAsync(db, v, projectId, input.PromptId, ct);
        var title = v.Text("Title", input.Title, ThreadLimits.Title, required: false, label: "de titel");
        var text = v.Text("Text", input.Text, ThreadLimits.Text, label: "je verhaal");
        var perspective = string.IsNullOrWhiteSpace(input.Perspective) ? defaultPerspective : ParseName<Perspective>(input.Perspective);
        if (perspective is null) v.Add("Perspective", "Kies welke kennis je vooral meebrengt: ervaringskennis, professionele kennis of wetenschappelijke kennis.");
        var scope = ParseName<ConsentScope>(input.Scope);
        if (scope is null) v.Add("Scope", "Kies wie je verhaal mag lezen.");
        var name = v.Text("TellerName", input.TellerName, StoryLimits.TellerName, required: false, label: "de naam");
        var email = allowEmail && input.NotifyByEmail ? Email(v, input.TellerEmail) : null;
        if (!v.IsValid) return v;

        story.ProjectId = projectId;
        story.PromptId = promptId;
        story.Title = title;
        story.Text = text;
        story.Html = ToHtml(text);
        story.SearchTerms = DutchStems.ToSearchTerms(title, text);
        story.KnowledgeSource = perspective!.Value;
        story.Scope = scope!.Value;
        story.MayQuote = input.MayQuote;
        story.NotifyByEmail = input.NotifyByEmail;
        story.TellerName = name.Length == 0 ? null : name;
        story.TellerEmail = email;
        return v;
    }

    /// <summary>An optional e-mail address, checked and in lower case; null when empty or wrong (then with a message).</summary>
    public static string? Email(Validation v, string? raw, string field = "TellerEmail")
    {
        var before = v.Errors.Count;
        var email = v.Text(field, raw, StoryLimits.Email, required: false, label: "het e-mailadres");
        if (email.Length == 0 || v.Errors.Count > before) return null;
        if (!AccountRules.IsEmail(email))
        {
            v.Add(field, "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
            return null;
        }
        return email.ToLowerInvariant();
    }

    /// <summary>A prompt of this project that is still open; none is needed only when the project asks none.</summary>
    private static async Task<int?> PromptAsync(AppDbContext db, Validation v, int projectId, int? promptId, CancellationToken ct)
    {
        var open = await db.StoryPrompts.AsNoTracking().Where(p => p.ProjectId == projectId && !p.IsArchived).Select(p => p.Id).ToListAsync(ct);
        if (promptId is { } id)
        {
            if (open.Contains(id)) return id;
            v.Add("PromptId", "Deze vraag bestaat niet (meer). Kies een vraag uit de lijst.");
            return null;
        }
        if (open.Count > 0) v.Add("PromptId", "Kies de vraag waarop je antwoord geeft.");
        return null;
    }

    /// <summary>Only the names (Team, Project, …), case-insensitive: numbers such as "7" are no choice.</summary>
    public static TEnum? ParseName<TEnum>(string? value) where TEnum : struct, Enum
    {
        var trimmed = (value ?? "").Trim();
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
        return name is null ? null : Enum.Parse<TEnum>(name);
    }

    /// <summary>
    /// A story is plain text: encoded, blank lines become paragraphs and single line breaks stay line breaks.
    /// Done once when saving, so pages print stored HTML.
    /// </summary>
    public static string ToHtml(string text)
    {
        var html = new StringBuilder();
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var paragraph in BlankLine().Split(normalized).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var lines = paragraph.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0).Select(WebUtility.HtmlEncode);
            html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }
        return html.ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

    /// <summary>The teller's perspective in this project if they are a member, else the one on their account.</summary>
    public static async Task<Perspective> PerspectiveOfAsync(AppDbContext db, ProjectPermissions permissions, CancellationToken ct)
    {
        if (permissions.Perspective is { } inProject) return inProject;
        if (permissions.UserId is not { } userId) return Perspective.Experience;
        return await db.Users.Where(u => u.Id == userId).Select(u => (Perspective?)u.DefaultPerspective).FirstOrDefaultAsync(ct) ?? Perspective.Experience;
    }
}
