using Proeftuin.Features.Audit;
using Proeftuin.Features.Ideas;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;
using static Proeftuin.Tests.Ideas.IdeaData;

namespace Proeftuin.Tests.Ideas;

/// <summary>An idea's status: only a facilitator of its project changes it, parking needs a reason, every change is kept and logged.</summary>
public sealed class IdeaStatusTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task A_facilitator_moves_an_idea_on_and_the_history_keeps_who_when_and_why()
    {
        var team = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een buurtkamer die 's avonds open is");
        using var lead = await factory.SignInAsync(team.Facilitator.Email!);

        var page = await lead.OpenAsync($"/ideeen/{idea}");
        Assert.Contains("Status: Nieuw", page.MainText, StringComparison.Ordinal);
        Assert.Contains("De status is nog niet veranderd.", page.MainText, StringComparison.Ordinal);
        // The form suggests the next step forward.
        Assert.Equal("Chosen", page.Document.QuerySelector("#StatusInput_Status option[selected]")?.GetAttribute("value"));

        using (var r = await lead.SubmitAsync(page.FormFor("StatusInput.Reason"), new { StatusInput_Status = "Chosen" }))
            Expect.Redirect(r, $"/ideeen/{idea}#status");
        using (var r = await lead.PostAsync(Handler(idea, "Status"), new { StatusInput_Status = "Parked", StatusInput_Reason = "Eerst de vraag van de wijkraad afwachten." }))
            Expect.Redirect(r, $"/ideeen/{idea}#status");

        Assert.Equal(IdeaStatus.Parked, await factory.StatusAsync(idea));
        var history = await factory.HistoryAsync(idea);
        Assert.Equal([(IdeaStatus.New, IdeaStatus.Chosen, ""), (IdeaStatus.Chosen, IdeaStatus.Parked, "Eerst de vraag van de wijkraad afwachten.")],
            history.Select(h => (h.FromStatus, h.ToStatus, h.Reason)).ToList());
        Assert.All(history, h => Assert.Equal(team.Facilitator.Id, h.ByUserId));

        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.SubjectType == AuditSubjects.Idea && a.SubjectId == idea.ToString())
            .OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Status: Nieuw → Gekozen", "Status: Gekozen → Geparkeerd"], audit.Select(a => a.Detail).ToList());
        Assert.All(audit, a => Assert.Equal((AuditAction.IdeaStatusChanged, team.Id, team.Facilitator.Id), (a.Action, a.ProjectId!.Value, a.ActorUserId)));
        // The reason may name people: it stays out of the log.
        Assert.DoesNotContain(audit, a => a.Detail!.Contains("wijkraad", StringComparison.Ordinal));

        // Everyone who can read the project sees status and history, newest first; names only for who is signed in.
        using var anonymous = factory.NewBrowser();
        var shown = await anonymous.OpenAsync($"/ideeen/{idea}");
        Assert.Contains("Status: Geparkeerd", shown.MainText, StringComparison.Ordinal);
        var items = shown.Document.QuerySelectorAll(".pt-idea-history > li").Select(li => string.Join(" ", li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("Van Gekozen naar Geparkeerd", items[0], StringComparison.Ordinal);
        Assert.Contains("Reden: Eerst de vraag van de wijkraad afwachten.", items[0], StringComparison.Ordinal);
        Assert.DoesNotContain(team.Facilitator.DisplayName, shown.MainText, StringComparison.Ordinal);
        Assert.Null(shown.Document.QuerySelector("#StatusInput_Status"));
        var member = await (await factory.SignInAsync(team.Member.Email!)).OpenAsync($"/ideeen/{idea}");
        Assert.Contains("door " + team.Facilitator.DisplayName, member.MainText, StringComparison.Ordinal);
        Assert.Null(member.Document.QuerySelector("#StatusInput_Status"));
    }

    [Fact]
    public async Task Parking_needs_a_reason_and_a_wrong_status_or_the_same_one_is_refused_with_nothing_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Samen koken op woensdag");
        using var lead = await factory.SignInAsync(team.Facilitator.Email!);
        var before = await factory.SnapshotAsync(idea);

        await Expect.FormErrorAsync(await lead.PostAsync(Handler(idea, "Status"), new { StatusInput_Status = "Parked", StatusInput_Reason = "   " }), "Vul de reden in.");
        await Expect.FormErrorAsync(await lead.PostAsync(Handler(idea, "Status"), new { StatusInput_Status = "New" }), ChangeIdeaStatus.SameStatus);
        foreach (var wrong in new[] { "", "9", "-1", "Gekozen", "<script>alert(1)</script>" })
            await Expect.FormErrorAsync(await lead.PostAsync(Handler(idea, "Status"), new { StatusInput_Status = wrong }), "Kies een status uit de lijst.");
        await Expect.FormErrorAsync(await lead.PostAsync(Handler(idea, "Status"), new { StatusInput_Status = "Chosen", StatusInput_Reason = TestData.Long(IdeaLimits.Reason + 1) }),
            "de reden is te lang: maximaal 1000 tekens.");
        await Expect.FormErrorAsync(await lead.PostAsync(Handler(idea, "Status"), new { StatusInput_Status = "Chosen", StatusInput_Reason = "Nu\u0007wel" }),
            "de reden bevat tekens die niet kunnen.");
        using (var r = await lead.PostAsync(Handler(idea, "Status"), new { StatusInput_Status = "Parked" })) Expect.Status(HttpStatusCode.BadRequest, r);
        Assert.Equal(before, await factory.SnapshotAsync(idea));

        // Markup in a reason is text.
        var idea2 = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een tweede idee");
        using (var r = await lead.PostAsync(Handler(idea2, "Status"), new { StatusInput_Status = "Parked", StatusInput_Reason = TestData.Script }))
            Expect.Redirect(r, $"/ideeen/{idea2}#status");
        Expect.ShownAsText(await lead.OpenAsync($"/ideeen/{idea2}"));
    }

    [Fact]
    public async Task Nobody_but_the_projects_facilitator_changes_a_status()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var stranger = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een open idee");
        var hidden = await factory.ItemAsync(closed.Id, ItemKind.Idea, "Een idee achter de deur");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we?");
        var body = new { StatusInput_Status = "Chosen", StatusInput_Reason = "Omdat het kan." };

        using (var anonymous = factory.NewBrowser())
        using (var r = await anonymous.PostAsync(Handler(idea, "Status"), body)) Expect.RedirectToSignIn(r);
        foreach (var who in new[] { team.Member, team.Observer })
        {
            using var b = await factory.SignInAsync(who.Email!);
            using var r = await b.PostAsync(Handler(idea, "Status"), body);
            Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
        }
        using (var other = await factory.SignInAsync(stranger.Facilitator.Email!))
        {
            // Another project's facilitator is a stranger here: 403 in an open project, 404 where they may not read.
            using (var r = await other.PostAsync(Handler(idea, "Status"), body)) Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await other.PostAsync(Handler(hidden, "Status"), body)) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await other.GetAsync($"/ideeen/{hidden}")) Expect.Status(HttpStatusCode.NotFound, r);
        }
        // Not an idea, or no such item: not there.
        using (var lead = await factory.SignInAsync(team.Facilitator.Email!))
        {
            using (var r = await lead.PostAsync(Handler(question, "Status"), body)) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await lead.GetAsync($"/ideeen/{question}")) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await lead.GetAsync("/ideeen/999999")) Expect.Status(HttpStatusCode.NotFound, r);
        }
        Assert.Equal(IdeaStatus.New, await factory.StatusAsync(idea));
        Assert.Empty(await factory.HistoryAsync(idea));
        Assert.Empty(await factory.HistoryAsync(hidden));
    }
}
