using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>What the item form sends; the kind-specific fields are ignored for kinds that do not have them.</summary>
public sealed record ItemInput(string? Title, string? Text, Perspective? KnowledgeSource, string? Quote = null, string? Citation = null, string? Url = null);

/// <summary>
/// Creates and edits the kinds made on the thread page (insights, sources, …; see ThreadKinds): one flow for every kind,
/// with the few kind-specific fields in <see cref="Apply"/>. Markdown is rendered and sanitised here, once.
/// </summary>
public sealed class SaveItem(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, TimeProvider clock, Notifications.NotifyTeller notify, Moderation.NewAccountLimit limit,
    Follows.FollowThing follow)
{
    /// <summary>Team members (not observers) add items; stories are shared through their own pages.</summary>
    public async Task<Outcome<ProjectPermissions>> CanCreateAsync(int projectId, ItemKind? kind, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        // Only kinds with a form on the thread page; an unknown number is simply not there.
        if (p is null || kind is null || ThreadKinds.Registry.All.FirstOrDefault(k => k.Kind == kind) is not { Creatable: true })
            return Outcome<ProjectPermissions>.NotFound();
        return p.CanContribute ? Outcome<ProjectPermissions>.Ok(p) : Outcome<ProjectPermissions>.Forbidden();
    }

    /// <summary>The question an idea entered directly answers: one of this project's questions, or null (404).</summary>
    public Task<Question?> AnsweredAsync(int projectId, int questionId, CancellationToken ct = default) =>
        db.Items.OfType<Question>().FirstOrDefaultAsync(q => q.Id == questionId && q.ProjectId == projectId, ct);

    /// <summary>The questions an idea entered directly may answer: the project's, oldest first (the question picker).</summary>
    public Task<List<Question>> QuestionsAsync(int projectId, CancellationToken ct = default) =>
        db.Items.OfType<Question>().AsNoTracking().Where(q => q.ProjectId == projectId).OrderBy(q => q.CreatedAt).ThenBy(q => q.Id).ToListAsync(ct);

    /// <summary>
    /// Adds an item. An idea may answer one of the project's questions (<paramref name="answers"/>): idea and link are
    /// saved together, and the tellers of the stories behind the question are told (NotifyTeller).
    /// </summary>
    public async Task<Outcome<ThreadItem>> CreateAsync(int projectId, ItemKind? kind, ItemInput input, int? answers = null, CancellationToken ct = default)
    {
        var allowed = await CanCreateAsync(projectId, kind, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<ThreadItem>.NotFound() : Outcome<ThreadItem>.Forbidden();
        Question? question = null;
        if (answers is { } questionId && (kind != ItemKind.Idea || (question = await AnsweredAsync(projectId, questionId, ct)) is null))
            return Outcome<ThreadItem>.NotFound();
        var descriptor = ThreadKinds.For(kind!.Value);
        var item = descriptor.Form!.New();
        if (item.GetType() != descriptor.EntityType)
            throw new InvalidOperationException($"The form of {descriptor.Kind} makes a {item.GetType().Name}, not a {descriptor.EntityType.Name}.");
        var now = clock.GetUtcNow().UtcDateTime;
        item.ProjectId = projectId;
        item.AuthorId = user.Id;
        item.CreatedAt = now;
        // The knowledge balance is per phase: an item belongs to the phase it was made in.
        item.Phase = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Phase).FirstAsync(ct);
        var v = Apply(item, input with { KnowledgeSource = input.KnowledgeSource ?? allowed.Value!.Perspective }, []);
        if (!v.IsValid) return v;
        if (await limit.CheckAsync(allowed.Value!, ct) is { } tooMany) return Outcome<ThreadItem>.Invalid([tooMany]);
        db.Items.Add(item);
        IReadOnlyList<Notifications.TellerMail> mails = [];
        if (question is not null)
        {
            db.Links.Add(new Link { ProjectId = projectId, From = item, ToId = question.Id, Type = LinkType.Answers, CreatedById = user.Id, CreatedAt = now });
            var (origin, outcome) = LinkFlow.Ends<ThreadItem>(LinkType.Answers, item, question);
            mails = await notify.LinkedAsync(origin, outcome, ct);
        }
        await db.SaveChangesAsync(ct);
        await notify.SendAsync(mails, ct);
        // The writer follows what they wrote, so they hear of the reacties on it.
        await follow.EnsureAsync(user.Id!, Follows.FollowTopic.Item, item.Id, ct);
        return Outcome<ThreadItem>.Ok(item);
    }

    /// <summary>The item, tracked, when the caller may change it: its author (still on the team) or a facilitator.</summary>
    public async Task<Outcome<ThreadItem>> LoadForEditAsync(int id, CancellationToken ct = default)
    {
        // Kinds with their own pages (stories) are changed there, not through the thread's form.
        var editable = ThreadWords.Creatable;
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id && editable.Contains(i.Kind), ct);
        if (item is null) return Outcome<ThreadItem>.NotFound();
        var p = await access.ForProjectAsync(item.ProjectId, ct);
        if (p is null) return Outcome<ThreadItem>.NotFound();
        return ThreadAccess.MayChange(p, item.AuthorId) ? Outcome<ThreadItem>.Ok(item) : Outcome<ThreadItem>.Forbidden();
    }

    /// <summary>For an item loaded through <see cref="LoadForEditAsync"/>.</summary>
    public async Task<Outcome<ThreadItem>> EditAsync(ThreadItem loaded, ItemInput input, CancellationToken ct = default)
    {
        var steps = loaded is JourneyMap
            ? await db.JourneySteps.AsNoTracking().Where(s => s.JourneyMapId == loaded.Id).ToListAsync(ct)
            : [];
        var v = Apply(loaded, input with { KnowledgeSource = input.KnowledgeSource ?? loaded.KnowledgeSource }, steps);
        if (!v.IsValid) return v;
        await db.SaveChangesAsync(ct);
        return Outcome<ThreadItem>.Ok(loaded);
    }

    private Validation Apply(ThreadItem item, ItemInput input, IReadOnlyList<JourneyStep> steps)
    {
        var v = new Validation();
        var title = v.Text("Title", input.Title, ThreadLimits.Title, label: "een titel");
        var text = v.Text("Text", input.Text, ThreadLimits.Text, required: false, label: "de tekst");
        var source = v.Enum("KnowledgeSource", input.KnowledgeSource ?? Perspective.Experience, "Kies een kennisbron uit de lijst.");
        string quote = "", citation = "";
        string? url = null;
        if (item is Persona)
            quote = v.Text("Quote", input.Quote, ThreadLimits.Quote, required: false, label: "het citaat");
        if (item is Source)
        {
            citation = v.Text("Citation", input.Citation, ThreadLimits.Citation, label: "de bronvermelding");
            url = v.OptionalUrl("Url", input.Url, ThreadLimits.Url);
        }
        if (!v.IsValid) return v;
        item.Title = title;
        item.Text = text;
        item.Html = text.Length == 0 ? "" : markdown.ToSafeHtml(text);
        item.KnowledgeSource = source;
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        switch (item)
        {
            case Persona persona: persona.Quote = quote; break;
            case Source s: s.Citation = citation; s.Url = url; break;
        }
        item.SearchTerms = SearchTermsOf(item, steps);
        return v;
    }

    /// <summary>Everything a reader might search for in this item: title, text and the kind's own fields.</summary>
    public static string SearchTermsOf(ThreadItem item, IEnumerable<JourneyStep> steps) => item switch
    {
        Persona p => DutchStems.ToSearchTerms(p.Title, p.Text, p.Quote),
        Source s => DutchStems.ToSearchTerms(s.Title, s.Text, s.Citation),
        JourneyMap m => DutchStems.ToSearchTerms([m.Title, m.Text, .. steps.SelectMany(s => new[] { s.Name, s.WhatHappens, s.PainPoints })]),
        _ => DutchStems.ToSearchTerms(item.Title, item.Text),
    };
}
