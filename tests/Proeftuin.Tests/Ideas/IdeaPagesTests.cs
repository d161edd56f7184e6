using System.Text.Json;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Ideas;

/// <summary>The idea's own page, the project's list of ideas, the API, and the thread form's question picker.</summary>
public sealed class IdeaPagesTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task The_thread_address_leads_to_the_ideas_own_page_with_its_question_status_and_thread()
    {
        var team = await factory.Data.TeamProjectAsync();
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we nieuwe bewoners verwelkomen?");
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een welkomstpakket", "Met een **kaart** van de buurt.", authorId: team.Member.Id);
        await factory.LinkAsync(idea, question, LinkType.Answers);
        using var lead = await factory.SignInAsync(team.Facilitator.Email!);

        using (var r = await lead.GetAsync($"/draad/{idea}")) Expect.Redirect(r, $"/ideeen/{idea}");
        Assert.Equal($"/ideeen/{idea}", ThreadWords.PageUrl(ItemKind.Idea, idea));
        var page = await lead.OpenAsync($"/ideeen/{idea}");
        Assert.Equal("Een welkomstpakket", page.H1);
        Assert.NotNull(page.Document.QuerySelector($".pt-idea-questions a[href='/draad/{question}']"));
        Assert.Contains("Status: Nieuw", page.MainText, StringComparison.Ordinal);
        // The thread's own partial: links (the question, both ways readable) and comments with their forms.
        Assert.NotNull(page.Document.QuerySelector("section#verbanden"));
        Assert.NotNull(page.Document.QuerySelector($"form[action='/draad/{idea}/reactie']"));
        // A facilitator can turn it into a prototype (the agreed address of the prototypes' page).
        Assert.NotNull(page.Document.QuerySelector($"a[href='/projecten/{team.Id}/prototypes/nieuw?idee={idea}']"));

        // A comment comes back to the idea's page.
        using (var r = await lead.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = "Goed plan." }))
            Assert.StartsWith($"/ideeen/{idea}", Expect.LocationPath(r), StringComparison.Ordinal);

        using var member = await factory.SignInAsync(team.Member.Email!);
        var asMember = await member.OpenAsync($"/ideeen/{idea}");
        Assert.Null(asMember.Document.QuerySelector("a[href*='/prototypes/nieuw']"));
        Assert.NotNull(asMember.Document.QuerySelector($"a[href='/draad/{idea}/bewerken']"));
        // The workspace has the list.
        var project = await member.OpenAsync($"/projecten/{team.Id}");
        Assert.NotNull(project.Document.QuerySelector($"a[href='/projecten/{team.Id}/ideeen']"));
    }

    [Fact]
    public async Task The_list_filters_by_status_and_shows_each_ideas_question_and_so_does_the_api()
    {
        var team = await factory.Data.TeamProjectAsync();
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we samen eten?");
        var chosen = await factory.ItemAsync(team.Id, ItemKind.Idea, "Buurtmaaltijd");
        var plain = await factory.ItemAsync(team.Id, ItemKind.Idea, "Losse gedachte");
        await factory.LinkAsync(chosen, question, LinkType.Answers);
        using (var lead = await factory.SignInAsync(team.Facilitator.Email!))
        using (var r = await lead.PostAsync($"/ideeen/{chosen}?handler=Status", new { StatusInput_Status = "Chosen" })) Expect.Redirect(r, $"/ideeen/{chosen}#status");
        using var anonymous = factory.NewBrowser();

        var all = await anonymous.OpenAsync($"/projecten/{team.Id}/ideeen");
        Assert.Equal(2, all.Document.QuerySelectorAll(".pt-idea-card").Length);
        Assert.Contains("Alle statussen (2)", all.MainText, StringComparison.Ordinal);
        var filtered = await anonymous.OpenAsync($"/projecten/{team.Id}/ideeen?status=gekozen");
        var card = Assert.Single(filtered.Document.QuerySelectorAll(".pt-idea-card"));
        Assert.NotNull(card.QuerySelector($"a[href='/draad/{question}']"));
        Assert.Contains("Status: Gekozen", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("gekozen", filtered.Document.QuerySelector("#status option[selected]")?.GetAttribute("value"));
        var none = await anonymous.OpenAsync($"/projecten/{team.Id}/ideeen?status=geparkeerd");
        Assert.Contains("Er zijn geen ideeën met de status geparkeerd.", none.MainText, StringComparison.Ordinal);
        // A hand-made filter shows everything.
        Assert.Equal(2, (await anonymous.OpenAsync($"/projecten/{team.Id}/ideeen?status=%3Cscript%3E&pagina=abc")).Document.QuerySelectorAll(".pt-idea-card").Length);

        using (var r = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/ideas?status=chosen"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("1", r.Headers.GetValues("X-Total-Count").Single());
            var only = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single();
            Assert.Equal((chosen, "chosen", question), (only.GetProperty("id").GetInt32(), only.GetProperty("status").GetString(), only.GetProperty("questionIds").EnumerateArray().Single().GetInt32()));
        }
        Assert.Equal(2, (await anonymous.GetJsonAsync($"/api/v1/projects/{team.Id}/ideas?status=NEW&page=1")).GetArrayLength() + 1);
        Assert.Equal(0, (await anonymous.GetJsonAsync($"/api/v1/projects/{team.Id}/ideas?page=2")).GetArrayLength());
        foreach (var bad in new[] { "status=gekozen", "status=4", "page=0", "page=abc" })
            using (var r = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/ideas?{bad}")) Expect.Status(HttpStatusCode.BadRequest, r, bad);

        var one = await anonymous.GetJsonAsync($"/api/v1/ideas/{chosen}");
        Assert.Equal(("Buurtmaaltijd", "chosen", team.Id), (one.GetProperty("title").GetString(), one.GetProperty("status").GetString(), one.GetProperty("projectId").GetInt32()));
        Assert.Equal(question, one.GetProperty("questions").EnumerateArray().Single().GetProperty("id").GetInt32());
        var change = one.GetProperty("statusHistory").EnumerateArray().Single();
        Assert.Equal(("new", "chosen"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, one.GetProperty("youSupport").ValueKind);
        // Not an idea, nothing there: 404 as problem+json.
        using (var r = await anonymous.GetAsync($"/api/v1/ideas/{question}")) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task A_members_only_projects_ideas_stay_hidden_from_strangers_on_pages_and_api()
    {
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var other = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(closed.Id, ItemKind.Idea, "Geheim idee Zeeuws-Vlaanderen");
        using var stranger = await factory.SignInAsync(other.Facilitator.Email!);
        using var anonymous = factory.NewBrowser();
        foreach (var b in new[] { stranger, anonymous })
        {
            foreach (var url in new[] { $"/projecten/{closed.Id}/ideeen", $"/ideeen/{idea}", $"/api/v1/projects/{closed.Id}/ideas", $"/api/v1/ideas/{idea}" })
            {
                using var r = await b.GetAsync(url);
                Expect.Status(HttpStatusCode.NotFound, r, url);
                Assert.DoesNotContain("Zeeuws-Vlaanderen", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        using var observer = await factory.SignInAsync(closed.Observer.Email!);
        Assert.Contains("Geheim idee Zeeuws-Vlaanderen", (await observer.OpenAsync($"/projecten/{closed.Id}/ideeen")).MainText, StringComparison.Ordinal);
        Assert.False((await observer.GetJsonAsync($"/api/v1/ideas/{idea}")).GetProperty("youSupport").GetBoolean());
    }

    [Fact]
    public async Task An_idea_entered_on_the_thread_picks_its_question_first_and_is_linked_in_the_same_save()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var first = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we eenzaamheid eerder zien?");
        var second = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we buren verbinden?");
        var elsewhere = await factory.ItemAsync(other.Id, ItemKind.Question, "Vraag van een ander project");
        using var member = await factory.SignInAsync(team.Member.Email!);

        var form = await member.OpenAsync($"/projecten/{team.Id}/draad/nieuw?soort=idee");
        // The picker comes before the title, every question of the project, and "none" is chosen until someone picks.
        var fields = form.Document.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name]").Select(e => e.GetAttribute("name")).ToList();
        Assert.True(fields.IndexOf("vraag") < fields.IndexOf("Input.Title"), string.Join(", ", fields));
        Assert.Equal([first.ToString(), second.ToString(), ""], form.Document.QuerySelectorAll("input[name=vraag]").Select(i => i.GetAttribute("value")).ToList());
        Assert.Equal("", form.Document.QuerySelector("input[name=vraag][checked]")?.GetAttribute("value"));
        Assert.NotNull(form.Document.QuerySelector("fieldset#vraag legend"));

        int idea;
        using (var r = await member.SubmitAsync(form.FormFor("Input.Title"), new { vraag = second.ToString(), Input_Title = "Een burendag met soep" }))
            idea = Expect.RedirectToId(r, "/draad/");
        var link = await factory.WithDbAsync(db => db.Links.AsNoTracking().SingleAsync(l => l.FromId == idea));
        Assert.Equal((second, LinkType.Answers, team.Member.Id), (link.ToId, link.Type, link.CreatedById));
        Assert.Contains("Hoe kunnen we buren verbinden?", (await member.OpenAsync($"/ideeen/{idea}")).Document.QuerySelector(".pt-idea-questions")!.TextContent, StringComparison.Ordinal);

        // From the question's page the picker arrives with that question chosen.
        var preset = await member.OpenAsync($"/projecten/{team.Id}/draad/nieuw?soort=idee&vraag={first}");
        Assert.Equal(first.ToString(), preset.Document.QuerySelector("input[name=vraag][checked]")?.GetAttribute("value"));

        // Another project's question, or anything that is not one of this project's questions: not there, nothing saved.
        var count = await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id));
        foreach (var wrong in new[] { elsewhere.ToString(), idea.ToString(), "abc", "-1" })
            using (var r = await member.SubmitAsync(form.FormFor("Input.Title"), new { vraag = wrong, Input_Title = "Binnengesmokkeld" })) Expect.Status(HttpStatusCode.NotFound, r, wrong);
        Assert.Equal(count, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id)));

        // Without questions, no picker: the idea stands on its own.
        var empty = await factory.Data.TeamProjectAsync();
        using var lead = await factory.SignInAsync(empty.Member.Email!);
        Assert.Null((await lead.OpenAsync($"/projecten/{empty.Id}/draad/nieuw?soort=idee")).Document.QuerySelector("input[name=vraag]"));
    }
}
