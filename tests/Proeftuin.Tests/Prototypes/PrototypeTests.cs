using Proeftuin.Features.Audit;
using Proeftuin.Features.Prototypes;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Prototypes;

/// <summary>Making a prototype from ideas, editing it, the list, the page with "Waarom bestaat dit prototype?", and who may do what.</summary>
public sealed class PrototypeTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private async Task<(TeamProject Team, int IdeaA, int IdeaB)> ProjectWithIdeasAsync(Visibility visibility = Visibility.Open)
    {
        var team = await factory.Data.TeamProjectAsync(visibility, Phase.Prototype);
        var a = await factory.ItemAsync(team.Id, ItemKind.Idea, "Zondagkoffie in het buurthuis", authorId: team.Facilitator.Id);
        var b = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een maatje voor de zondag", authorId: team.Facilitator.Id);
        return (team, a, b);
    }

    private static async Task<HttpResponseMessage> CreateAsync(Browser browser, int projectId, object values, string query = "")
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/prototypes/nieuw{query}");
        return await browser.SubmitAsync(page.FormFor("Input.Title"), Fields.Of(values));
    }

    private Task<(int Items, int Links, int Audit)> CountsAsync(int projectId) => factory.WithDbAsync(async db =>
        (await db.Items.CountAsync(i => i.ProjectId == projectId), await db.Links.CountAsync(l => l.ProjectId == projectId),
         await db.AuditEvents.CountAsync(e => e.ProjectId == projectId)));

    [Fact]
    public async Task A_facilitator_makes_a_prototype_from_two_ideas_and_the_team_edits_it()
    {
        var (team, ideaA, ideaB) = await ProjectWithIdeasAsync();
        using var lead = await factory.SignInAsync(team.Facilitator.Email!);
        var form = await lead.OpenAsync($"/projecten/{team.Id}/prototypes/nieuw?idee={ideaA}");
        // ?idee= ticks that idea beforehand, the other one not.
        Assert.True(form.Document.QuerySelector($"#idee-{ideaA}")!.HasAttribute("checked"));
        Assert.False(form.Document.QuerySelector($"#idee-{ideaB}")!.HasAttribute("checked"));
        int id;
        using (var made = await lead.SubmitAsync(form.FormFor("Input.Title"), Fields.Of(new
        {
            Input_IdeaIds = new[] { ideaA.ToString(System.Globalization.CultureInfo.InvariantCulture), ideaB.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Input_Title = "Zondagkoffie met een gastvrouw",
            Input_ForWhom = "Ouderen die alleen wonen",
            Input_Form = "RolePlay",
            Input_Text = "Komen mensen **echt** op zondag?",
        })))
            id = Expect.RedirectToId(made, "/prototypes/");

        var row = await factory.WithDbAsync(db => db.Items.OfType<Prototype>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(ItemKind.Prototype, row.Kind);
        Assert.Equal(PrototypeForm.RolePlay, row.Form);
        Assert.Equal("Ouderen die alleen wonen", row.ForWhom);
        Assert.Equal(Phase.Prototype, row.Phase);
        Assert.Equal(Perspective.Professional, row.KnowledgeSource); // the facilitator's own
        Assert.Contains("<strong>echt</strong>", row.Html, StringComparison.Ordinal);
        Assert.Equal(team.Facilitator.Id, row.AuthorId);
        // Each idea leads to the prototype: the idea came first.
        var links = await factory.WithDbAsync(db => db.Links.AsNoTracking().Where(l => l.ToId == id).ToListAsync());
        Assert.Equal([ideaA, ideaB], links.Select(l => l.FromId).Order());
        Assert.All(links, l => Assert.Equal(LinkType.LeadsTo, l.Type));
        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.ProjectId == team.Id && e.Action == AuditAction.PrototypeCreated));
        Assert.Equal(team.Facilitator.Id, audit.ActorUserId);
        Assert.Contains("2 ideeën", audit.Detail, StringComparison.Ordinal);

        // The thread's generic page sends it on; its own page shows it, with the button for an experiment.
        using (var draad = await lead.GetAsync($"/draad/{id}")) Expect.Redirect(draad, $"/prototypes/{id}");
        var page = await lead.OpenAsync($"/prototypes/{id}");
        Assert.Equal("Zondagkoffie met een gastvrouw", page.H1);
        Assert.Contains("Rollenspel", page.MainText, StringComparison.Ordinal);
        Assert.Equal("echt", page.Document.QuerySelector("main .pt-news-body strong")?.TextContent);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/proeven/nieuw?prototype={id}");
        var list = await lead.OpenAsync($"/projecten/{team.Id}/prototypes");
        Assert.Contains(list.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/prototypes/{id}");
        // The project page links the list.
        Assert.Contains((await lead.OpenAsync($"/projecten/{team.Id}")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/prototypes");

        // A member of the team edits it.
        using var member = await factory.SignInAsync(team.Member.Email!);
        var edit = await member.OpenAsync($"/prototypes/{id}/bewerken");
        Assert.Equal("Ouderen die alleen wonen", edit.Document.QuerySelector("#Input_ForWhom")?.GetAttribute("value"));
        using (var saved = await member.SubmitAsync(edit.FormFor("Input.Title"), new { Input_ForWhom = "Alle buren", Input_Form = "ServicePilot", Input_KnowledgeSource = "Experience" }))
            Expect.Redirect(saved, $"/prototypes/{id}");
        row = await factory.WithDbAsync(db => db.Items.OfType<Prototype>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal("Alle buren", row.ForWhom);
        Assert.Equal(PrototypeForm.ServicePilot, row.Form);
        Assert.Equal(Perspective.Experience, row.KnowledgeSource);
    }

    [Fact]
    public async Task Only_a_facilitator_makes_one_and_only_the_team_edits_it()
    {
        var (team, ideaA, _) = await ProjectWithIdeasAsync();
        var id = await factory.PrototypeAsync(team.Id, "Prototype van het team", team.Facilitator.Id, ideaA);
        var other = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var stranger = await factory.SignInAsync(other.Facilitator.Email!);
        using var anonymous = factory.NewBrowser();
        var before = await CountsAsync(team.Id);

        foreach (var (who, browser) in new[] { ("member", member), ("observer", observer), ("another project's facilitator", stranger) })
        {
            using (var get = await browser.GetAsync($"/projecten/{team.Id}/prototypes/nieuw")) Expect.Status(HttpStatusCode.Forbidden, get, who);
            using (var post = await browser.PostAsync($"/projecten/{team.Id}/prototypes/nieuw", new { Input_IdeaIds = ideaA, Input_Title = "Niet van mij", Input_ForWhom = "x", Input_Form = "Sketch", Input_Text = "x" }))
                Expect.Status(HttpStatusCode.Forbidden, post, who);
        }
        using (var get = await anonymous.GetAsync($"/projecten/{team.Id}/prototypes/nieuw")) Expect.RedirectToSignIn(get);
        foreach (var (who, browser) in new[] { ("observer", observer), ("another project's facilitator", stranger) })
        {
            using (var get = await browser.GetAsync($"/prototypes/{id}/bewerken")) Expect.Status(HttpStatusCode.Forbidden, get, who);
            using (var post = await browser.PostAsync($"/prototypes/{id}/bewerken", new { Input_Title = "Overgenomen", Input_ForWhom = "x", Input_Form = "Sketch", Input_Text = "x" }))
                Expect.Status(HttpStatusCode.Forbidden, post, who);
        }
        Assert.Equal(before, await CountsAsync(team.Id));
        Assert.Equal("Prototype van het team", await factory.WithDbAsync(db => db.Items.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));

        // Everyone reads an open project's prototype; only the team is offered the buttons.
        var read = await observer.OpenAsync($"/prototypes/{id}");
        Assert.Equal("Prototype van het team", read.H1);
        Assert.DoesNotContain(read.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") is { } h && (h.EndsWith("/bewerken", StringComparison.Ordinal) || h.Contains("/proeven/nieuw", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.OpenAsync($"/prototypes/{id}")).Status);
        Assert.DoesNotContain((await member.OpenAsync($"/projecten/{team.Id}/prototypes")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.EndsWith("/nieuw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_members_only_project_keeps_its_prototypes_from_outsiders()
    {
        var (team, ideaA, _) = await ProjectWithIdeasAsync(Visibility.MembersOnly);
        var id = await factory.PrototypeAsync(team.Id, "Geheim prototype", team.Facilitator.Id, ideaA);
        var other = await factory.Data.TeamProjectAsync();
        using var stranger = await factory.SignInAsync(other.Facilitator.Email!);
        using var anonymous = factory.NewBrowser();
        foreach (var browser in new[] { stranger, anonymous })
        {
            foreach (var url in new[] { $"/prototypes/{id}", $"/projecten/{team.Id}/prototypes", $"/api/v1/prototypes/{id}", $"/draad/{id}" })
                using (var get = await browser.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, get, url);
        }
        using (var get = await stranger.GetAsync($"/prototypes/{id}/bewerken")) Expect.Status(HttpStatusCode.NotFound, get);
        using (var get = await stranger.GetAsync($"/projecten/{team.Id}/prototypes/nieuw")) Expect.Status(HttpStatusCode.NotFound, get);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        Assert.Equal("Geheim prototype", (await observer.OpenAsync($"/prototypes/{id}")).H1);
    }

    [Fact]
    public async Task Bad_input_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var (team, ideaA, _) = await ProjectWithIdeasAsync();
        var other = await ProjectWithIdeasAsync();
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we zondagen minder stil maken?");
        using var lead = await factory.SignInAsync(team.Facilitator.Email!);
        var before = await CountsAsync(team.Id);
        var ok = new Dictionary<string, object>
        {
            ["Input_IdeaIds"] = ideaA,
            ["Input_Title"] = "Een prototype",
            ["Input_ForWhom"] = "Buren",
            ["Input_Form"] = "Sketch",
            ["Input_Text"] = "Wat we willen leren.",
        };
        async Task RefusedAsync(string message, params (string Key, object? Value)[] changes)
        {
            var values = new Dictionary<string, object>(ok);
            foreach (var (key, value) in changes)
                if (value is null) values.Remove(key); else values[key] = value;
            var page = await lead.OpenAsync($"/projecten/{team.Id}/prototypes/nieuw");
            var fields = values.SelectMany(kv => kv.Value is int[] many
                ? many.Select(m => new KeyValuePair<string, string>(kv.Key.Replace('_', '.'), m.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                : [new KeyValuePair<string, string>(kv.Key.Replace('_', '.'), Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)!)]).ToList();
            var response = await lead.SubmitAsync(page.FormFor("Input.Title"), fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await Expect.FormErrorAsync(response, message);
        }
        await RefusedAsync("Kies minstens één idee waar dit prototype uit komt.", ("Input_IdeaIds", null));
        await RefusedAsync("Kies ideeën uit de lijst van dit project.", ("Input_IdeaIds", other.IdeaA));
        await RefusedAsync("Kies ideeën uit de lijst van dit project.", ("Input_IdeaIds", question));
        await RefusedAsync("Kies ideeën uit de lijst van dit project.", ("Input_IdeaIds", new[] { ideaA, 999_999 }));
        await RefusedAsync("Vul wat het prototype is in.", ("Input_Title", "   "));
        await RefusedAsync("is te lang: maximaal 200 tekens.", ("Input_Title", TestData.Long(201)));
        await RefusedAsync("Vul voor wie het is in.", ("Input_ForWhom", ""));
        await RefusedAsync("Kies een vorm uit de lijst.", ("Input_Form", null));
        await RefusedAsync("niet geldig", ("Input_Form", "Toverstaf"));
        await RefusedAsync("Vul wat jullie willen leren in.", ("Input_Text", ""));
        await RefusedAsync("bevat tekens die niet kunnen", ("Input_Text", "bel\u0007teken"));
        Assert.Equal(before, await CountsAsync(team.Id));

        // ?idee= of another project, or no number at all, is not there.
        foreach (var idee in new[] { other.IdeaA.ToString(System.Globalization.CultureInfo.InvariantCulture), question.ToString(System.Globalization.CultureInfo.InvariantCulture), "abc", "-1" })
            using (var get = await lead.GetAsync($"/projecten/{team.Id}/prototypes/nieuw?idee={idee}")) Expect.Status(HttpStatusCode.NotFound, get, idee);

        // Markup is text.
        using (var made = await CreateAsync(lead, team.Id, new { Input_IdeaIds = ideaA, Input_Title = TestData.Script, Input_ForWhom = TestData.Script, Input_Form = "Other", Input_Text = TestData.Script + " [x](javascript:alert(1))" }))
        {
            var id = Expect.RedirectToId(made, "/prototypes/");
            var page = await lead.OpenAsync($"/prototypes/{id}");
            Expect.ShownAsText(page);
            Assert.DoesNotContain("javascript:", page.Document.QuerySelector("main .pt-news-body")!.InnerHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_project_without_ideas_sends_the_facilitator_to_add_one_first()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var lead = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await lead.OpenAsync($"/projecten/{team.Id}/prototypes/nieuw");
        Assert.DoesNotContain(page.Forms, f => f.Method == "post" && f.Fields.Any(x => x.Key == "Input.Title"));
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/draad/nieuw?soort=idee");
        Assert.Contains("nog geen prototypes", (await lead.OpenAsync($"/projecten/{team.Id}/prototypes")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Why_it_exists_walks_back_to_the_stories_and_hides_what_the_reader_may_not_see()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Prototype);
        var open = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Open verhaal over zondag");
        var teamOnly = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Teamverhaal over de buurvrouw");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Ingetrokken titel", text: "Ingetrokken tekst", withdrawn: true);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is de stilste dag");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Iemand treffen zonder afspraak");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we op zondag iemand treffen?");
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Zondagkoffie");
        var unrelated = await factory.ItemAsync(team.Id, ItemKind.Idea, "Los idee");
        foreach (var s in new[] { open, teamOnly, withdrawn }) await factory.LinkAsync(s, insight, LinkType.Supports);
        await factory.LinkAsync(insight, need, LinkType.LeadsTo);
        await factory.LinkAsync(need, question, LinkType.LeadsTo);
        await factory.LinkAsync(idea, question, LinkType.Answers); // the idea came out of the question
        var id = await factory.PrototypeAsync(team.Id, "Zondagkoffie als rollenspel", team.Facilitator.Id, idea);

        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/prototypes/{id}");
        var why = page.Document.QuerySelector("#waarom-sectie")!;
        var text = why.TextContent;
        foreach (var shown in new[] { "Zondagkoffie", "Hoe kunnen we op zondag iemand treffen?", "Iemand treffen zonder afspraak", "Zondag is de stilste dag", "Open verhaal over zondag", "ingetrokken verhaal" })
            Assert.Contains(shown, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Teamverhaal", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("een verhaal dat je niet kunt lezen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingetrokken", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Los idee", text, StringComparison.Ordinal);
        Assert.DoesNotContain(why.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/verhalen/{withdrawn}");
        // Ideas first, then back along the thread.
        var headings = why.QuerySelectorAll("h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Ideeën", "Hoe kunnen we …?-vragen", "Behoeften", "Inzichten", "Ervaringsverhalen"], headings);

        using var member = await factory.SignInAsync(team.Member.Email!);
        Assert.Contains("Teamverhaal over de buurvrouw", (await member.OpenAsync($"/prototypes/{id}")).Document.QuerySelector("#waarom-sectie")!.TextContent, StringComparison.Ordinal);
    }
}
