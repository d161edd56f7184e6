using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

public sealed class ItemTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> CreateAsync(Browser browser, int projectId, string soort, object values)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/draad/nieuw?soort={soort}");
        return await browser.SubmitAsync(page.FormFor("Input.Title"), values);
    }

    private Task<ThreadItem> RowAsync(int id) => factory.WithDbAsync(db => db.Items.AsNoTracking().SingleAsync(i => i.Id == id));

    [Theory]
    [InlineData("inzicht", ItemKind.Insight)]
    [InlineData("behoefte", ItemKind.Need)]
    [InlineData("vraag", ItemKind.Question)]
    [InlineData("persona", ItemKind.Persona)]
    [InlineData("bron", ItemKind.Source)]
    [InlineData("klantreis", ItemKind.JourneyMap)]
    public async Task A_member_creates_edits_and_deletes_every_kind(string soort, ItemKind kind)
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Define);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var title = "Hoe kunnen we eenzaamheid verminderen " + Guid.NewGuid().ToString("N")[..6];
        using var created = await CreateAsync(member, team.Id, soort, new
        {
            Input_Title = title,
            Input_Text = "Mensen voelen zich **eenzaam**.",
            Input_Quote = "Ik zie soms dagen niemand.",
            Input_Citation = "Movisie (2023). Eenzaamheid in Nederland.",
            Input_Url = "https://www.movisie.nl/eenzaamheid",
        });
        var id = Expect.RedirectToId(created, "/draad/");
        var row = await RowAsync(id);
        Assert.Equal(kind, row.Kind);
        Assert.Equal(team.Id, row.ProjectId);
        Assert.Equal(Phase.Define, row.Phase);
        Assert.Equal(Perspective.Experience, row.KnowledgeSource); // the member's perspective
        Assert.Equal(team.Member.Id, row.AuthorId);
        Assert.Contains("<strong>eenzaam</strong>", row.Html, StringComparison.Ordinal);
        Assert.Contains(" " + DutchStems.Of("eenzaamheid")[0] + " ", row.SearchTerms, StringComparison.Ordinal);
        if (row is Persona persona) Assert.Equal("Ik zie soms dagen niemand.", persona.Quote);
        if (row is Source source)
        {
            Assert.Equal("Movisie (2023). Eenzaamheid in Nederland.", source.Citation);
            Assert.Equal("https://www.movisie.nl/eenzaamheid", source.Url);
        }

        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/draad/{id}");
        Assert.Equal(title, page.H1);
        Assert.Equal("eenzaam", page.Document.QuerySelector("main strong")?.TextContent);
        Assert.Contains(title, (await anonymous.OpenAsync($"/projecten/{team.Id}/draad")).MainText, StringComparison.Ordinal);
        Assert.Contains(title, (await anonymous.OpenAsync($"/projecten/{team.Id}/draad?soort={soort}")).MainText, StringComparison.Ordinal);

        var edit = await member.OpenAsync($"/draad/{id}/bewerken");
        using (var saved = await member.SubmitAsync(edit.FormFor("Input.Title"), new { Input_Title = title + " (bijgewerkt)", Input_KnowledgeSource = "Scientific" }))
            Expect.Redirect(saved, $"/draad/{id}");
        row = await RowAsync(id);
        Assert.EndsWith("(bijgewerkt)", row.Title, StringComparison.Ordinal);
        Assert.Equal(Perspective.Scientific, row.KnowledgeSource);

        var confirm = await member.OpenAsync($"/draad/{id}/verwijderen");
        using (var deleted = await member.SubmitAsync(confirm.Forms.Single(f => f.Method == "post" && f.Action.Contains("verwijderen", StringComparison.Ordinal)), new { }))
            Expect.Redirect(deleted, $"/projecten/{team.Id}/draad");
        Assert.False(await factory.WithDbAsync(db => db.Items.AnyAsync(i => i.Id == id)));
    }

    [Fact]
    public async Task Overview_groups_by_kind_and_offers_new_buttons_only_to_contributors()
    {
        var team = await factory.Data.TeamProjectAsync();
        await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte aan contact");
        await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht over buren");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/draad");
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/draad/nieuw?soort=vraag");
        // Every kind that can be added, and ideas (made in live sessions).
        Assert.Equal(ThreadWords.Listed.Length, page.Document.QuerySelectorAll("main section h2").Length);
        var filtered = await member.OpenAsync($"/projecten/{team.Id}/draad?soort=behoefte");
        Assert.Contains("Behoefte aan contact", filtered.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Inzicht over buren", filtered.MainText, StringComparison.Ordinal);
        await member.OpenAsync($"/projecten/{team.Id}/draad?soort=<script>");

        using var observer = await factory.SignInAsync(team.Observer.Email!);
        var observed = await observer.OpenAsync($"/projecten/{team.Id}/draad");
        Assert.DoesNotContain(observed.Document.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").Contains("/draad/nieuw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_question_without_the_phrasing_is_saved_with_a_friendly_tip()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var created = await CreateAsync(member, team.Id, "vraag", new { Input_Title = "Wat doen we aan eenzaamheid?" });
        var id = Expect.RedirectToId(created, "/draad/");
        var page = await member.FollowAsync(created, $"/draad/{id}");
        Assert.Contains("Tip: begin met „Hoe kunnen we …?”", page.MainText, StringComparison.Ordinal);

        using var good = await CreateAsync(member, team.Id, "vraag", new { Input_Title = "hoe kunnen we buren verbinden?" });
        var goodId = Expect.RedirectToId(good, "/draad/");
        var goodPage = await member.FollowAsync(good, $"/draad/{goodId}");
        Assert.DoesNotContain("Tip:", goodPage.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journey_map_steps_are_added_edited_moved_and_removed()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var created = await CreateAsync(member, team.Id, "klantreis", new { Input_Title = "Van brief tot hulp" });
        var id = Expect.RedirectToId(created, "/draad/");
        foreach (var (name, emotion) in new[] { ("Brief ontvangen", "-1"), ("Bellen met de gemeente", "-2"), ("Hulp van de buurvrouw", "2") })
        {
            var form = await member.OpenAsync($"/draad/{id}/stap");
            using var added = await member.SubmitAsync(form.FormFor("Input.Name"), new { Input_Name = name, Input_WhatHappens = "Er gebeurt iets.", Input_Emotion = emotion, Input_PainPoints = "Onduidelijke taal" });
            Expect.Redirect(added, $"/draad/{id}/bewerken#stappen");
        }
        async Task<List<(string Name, int Position, int Emotion, int Id)>> StepsAsync() =>
            (await factory.WithDbAsync(db => db.JourneySteps.Where(s => s.JourneyMapId == id).OrderBy(s => s.Position).ToListAsync()))
            .Select(s => (s.Name, s.Position, s.Emotion, s.Id)).ToList();
        var steps = await StepsAsync();
        Assert.Equal(["Brief ontvangen", "Bellen met de gemeente", "Hulp van de buurvrouw"], steps.Select(s => s.Name));
        Assert.Equal([1, 2, 3], steps.Select(s => s.Position));

        // The curve and the table show the same steps.
        var page = await member.OpenAsync($"/draad/{id}");
        Assert.NotNull(page.Document.QuerySelector("main svg polyline"));
        Assert.Equal(3, page.Document.QuerySelectorAll("main svg circle").Length);
        Assert.Equal(3, page.Document.QuerySelectorAll("main table tbody tr").Length);
        Assert.Contains("Heel fijn (+2)", page.MainText, StringComparison.Ordinal);

        // Move the last step up, edit one, remove one.
        var editPage = await member.OpenAsync($"/draad/{id}/bewerken");
        using (var moved = await member.SubmitAsync(editPage.FormWithAction($"stepId={steps[2].Id}&handler=Up"), new { }))
            Expect.Redirect(moved, $"/draad/{id}/bewerken#stappen");
        Assert.Equal(["Brief ontvangen", "Hulp van de buurvrouw", "Bellen met de gemeente"], (await StepsAsync()).Select(s => s.Name));
        editPage = await member.OpenAsync($"/draad/{id}/bewerken");
        using (var down = await member.SubmitAsync(editPage.FormWithAction($"stepId={steps[0].Id}&handler=Down"), new { }))
            Expect.Redirect(down, $"/draad/{id}/bewerken#stappen");
        Assert.Equal(["Hulp van de buurvrouw", "Brief ontvangen", "Bellen met de gemeente"], (await StepsAsync()).Select(s => s.Name));

        var stepForm = await member.OpenAsync($"/draad/{id}/stap/{steps[1].Id}");
        Assert.Equal("Bellen met de gemeente", stepForm.FormFor("Input.Name").Fields.Single(f => f.Key == "Input.Name").Value);
        using (var edited = await member.SubmitAsync(stepForm.FormFor("Input.Name"), new { Input_Name = "Bellen met het wijkteam", Input_Emotion = "0" }))
            Expect.Redirect(edited, $"/draad/{id}/bewerken#stappen");

        editPage = await member.OpenAsync($"/draad/{id}/bewerken");
        using (var removed = await member.SubmitAsync(editPage.FormWithAction($"stepId={steps[0].Id}&handler=RemoveStep"), new { }))
            Expect.Redirect(removed, $"/draad/{id}/bewerken#stappen");
        steps = await StepsAsync();
        Assert.Equal(["Hulp van de buurvrouw", "Bellen met het wijkteam"], steps.Select(s => s.Name));
        Assert.Equal([1, 2], steps.Select(s => s.Position));
        Assert.Equal(0, steps[1].Emotion);
        var map = await RowAsync(id);
        Assert.Contains(" " + DutchStems.Of("wijkteam")[0] + " ", map.SearchTerms, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_step_input_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var id = await factory.ItemAsync(team.Id, ItemKind.JourneyMap, "Klantreis", authorId: team.Member.Id);
        var insightId = await factory.ItemAsync(team.Id, ItemKind.Insight, "Geen klantreis", authorId: team.Member.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var form = await member.OpenAsync($"/draad/{id}/stap");
        foreach (var emotion in new[] { "3", "-3" })
            await Expect.FormErrorAsync(await member.SubmitAsync(form.FormFor("Input.Name"), new { Input_Name = "Stap", Input_Emotion = emotion }), "Kies een gevoel van −2 (heel naar) tot +2 (heel fijn).");
        await Expect.FormErrorAsync(await member.SubmitAsync(form.FormFor("Input.Name"), new { Input_Name = "", Input_Emotion = "0" }), "Vul de naam van de stap in.");
        await Expect.FormErrorAsync(await member.SubmitAsync(form.FormFor("Input.Name"), new { Input_Name = TestData.Long(201), Input_Emotion = "0" }), "is te lang: maximaal 200 tekens.");
        await Expect.FormErrorAsync(await member.SubmitAsync(form.FormFor("Input.Name"), new { Input_Name = "Stap", Input_Emotion = "0", Input_PainPoints = TestData.Long(2001) }), "is te lang: maximaal 2000 tekens.");
        Assert.False(await factory.WithDbAsync(db => db.JourneySteps.AnyAsync(s => s.JourneyMapId == id)));
        // Wrong ids: another item's steps, a step that does not exist, a map that is not a map.
        using (var r = await member.GetAsync($"/draad/{insightId}/stap")) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await member.GetAsync($"/draad/{id}/stap/999999")) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await member.PostAsync($"/draad/{id}/bewerken?stepId=999999&handler=Up", new { })) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await member.GetAsync("/draad/999999/stap")) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task Bad_item_input_gets_Dutch_messages_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        await Expect.FormErrorAsync(await CreateAsync(member, team.Id, "inzicht", new { Input_Title = "" }), "Vul een titel in.");
        await Expect.FormErrorAsync(await CreateAsync(member, team.Id, "inzicht", new { Input_Title = TestData.Long(201) }), "is te lang: maximaal 200 tekens.");
        await Expect.FormErrorAsync(await CreateAsync(member, team.Id, "inzicht", new { Input_Title = "Lang", Input_Text = TestData.Long(10_001) }), "is te lang: maximaal 10000 tekens.");
        await Expect.FormErrorAsync(await CreateAsync(member, team.Id, "bron", new { Input_Title = "Bron zonder vermelding", Input_Citation = "" }), "Vul de bronvermelding in.");
        await Expect.FormErrorAsync(await CreateAsync(member, team.Id, "bron", new { Input_Title = "Bron", Input_Citation = "X", Input_Url = "javascript:alert(1)" }), "Vul een geldig webadres in dat begint met https://.");
        await Expect.FormErrorAsync(await CreateAsync(member, team.Id, "inzicht", new { Input_Title = "Kennisbron", Input_KnowledgeSource = "Onzin" }), "De waarde 'Onzin' is niet geldig.");
        Assert.False(await factory.WithDbAsync(db => db.Items.AnyAsync(i => i.ProjectId == team.Id)));
        foreach (var url in new[] { $"/projecten/{team.Id}/draad/nieuw", $"/projecten/{team.Id}/draad/nieuw?soort=verhaal", $"/projecten/{team.Id}/draad/nieuw?soort=onzin", "/projecten/999999/draad/nieuw?soort=inzicht" })
        {
            using var response = await member.GetAsync(url);
            Expect.Status(HttpStatusCode.NotFound, response, url);
        }
    }

    [Fact]
    public async Task Script_and_raw_html_are_not_rendered()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var created = await CreateAsync(member, team.Id, "persona", new
        {
            Input_Title = TestData.Script,
            Input_Quote = TestData.Script,
            Input_Text = "Tekst " + TestData.Script + "\n\n<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))",
        });
        var id = Expect.RedirectToId(created, "/draad/");
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/draad/{id}");
        Expect.ShownAsText(page);
        Assert.Empty(page.Document.QuerySelectorAll("main img, main [onerror]"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Expect.ShownAsText(await anonymous.OpenAsync($"/projecten/{team.Id}/draad"));
    }

    [Fact]
    public async Task Who_may_not_create_edit_or_delete()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var id = await factory.ItemAsync(team.Id, ItemKind.Insight, "Van de facilitator", authorId: team.Facilitator.Id);
        var createUrl = $"/projecten/{team.Id}/draad/nieuw?soort=inzicht";
        var fields = new { Input_Title = "Mag niet", Input_KnowledgeSource = "Professional" };
        using (var anonymous = factory.NewBrowser())
        {
            using (var r = await anonymous.GetAsync(createUrl)) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.PostAsync(createUrl, fields)) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.GetAsync($"/draad/{id}/bewerken")) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.PostAsync($"/draad/{id}/verwijderen", new { })) Expect.RedirectToSignIn(r);
        }
        // Observers and other projects' members may not add; a member who did not write it may not change it.
        foreach (var who in new[] { team.Observer, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var r = await browser.GetAsync(createUrl)) Expect.Status(HttpStatusCode.Forbidden, r, "GET as " + who.DisplayName);
            using (var r = await browser.PostAsync(createUrl, fields)) Expect.Status(HttpStatusCode.Forbidden, r, "POST as " + who.DisplayName);
        }
        foreach (var who in new[] { team.Observer, team.Member, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var r = await browser.GetAsync($"/draad/{id}/bewerken")) Expect.Status(HttpStatusCode.Forbidden, r, "edit as " + who.DisplayName);
            using (var r = await browser.PostAsync($"/draad/{id}/bewerken", fields)) Expect.Status(HttpStatusCode.Forbidden, r, "edit POST as " + who.DisplayName);
            using (var r = await browser.PostAsync($"/draad/{id}/verwijderen", new { })) Expect.Status(HttpStatusCode.Forbidden, r, "delete as " + who.DisplayName);
        }
        Assert.Equal("Van de facilitator", (await RowAsync(id)).Title);
        Assert.False(await factory.WithDbAsync(db => db.Items.AnyAsync(i => i.Title == "Mag niet")));

        // A facilitator may change what a member wrote.
        var memberItem = await factory.ItemAsync(team.Id, ItemKind.Need, "Van het lid", authorId: team.Member.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/draad/{memberItem}/verwijderen", new { })) Expect.Redirect(r, $"/projecten/{team.Id}/draad");
    }

    [Fact]
    public async Task Members_only_project_items_are_404_for_outsiders()
    {
        var facilitator = await factory.Data.UserAsync();
        var projectId = await factory.Data.ProjectAsync("Besloten draad", Visibility.MembersOnly, members: [(facilitator, ProjectRole.Facilitator)]);
        var id = await factory.ItemAsync(projectId, ItemKind.Insight, "Geheim inzicht", authorId: facilitator.Id);
        using var anonymous = factory.NewBrowser();
        using var outsider = await factory.SignInDemoAsync("inwoner");
        foreach (var browser in new[] { anonymous, outsider })
        {
            foreach (var url in new[] { $"/draad/{id}", $"/draad/{id}/spoor", $"/projecten/{projectId}/draad", $"/projecten/{projectId}/zoeken?q=geheim", "/draad/999999" })
            {
                var page = await browser.GetPageAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, page.Status);
                Assert.DoesNotContain("Geheim inzicht", page.Text, StringComparison.Ordinal);
            }
        }
        foreach (var url in new[] { $"/draad/{id}/verband", $"/draad/{id}/reactie", $"/projecten/{projectId}/draad/nieuw?soort=inzicht", $"/draad/{id}/verwijderen" })
        {
            using var r = await outsider.PostAsync(url, new { Input_Title = "Binnengedrongen", Input_Text = "x", Input_OtherId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Input_Direction = "from", Input_Type = "Supports" });
            Expect.Status(HttpStatusCode.NotFound, r, "POST " + url);
        }
        Assert.False(await factory.WithDbAsync(db => db.Items.AnyAsync(i => i.Title == "Binnengedrongen")));
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.ItemId == id)));
        using var member = await factory.SignInAsync(facilitator.Email!);
        await member.OpenAsync($"/draad/{id}");
    }

    [Fact]
    public async Task A_story_id_on_the_item_page_goes_to_the_story_page()
    {
        var team = await factory.Data.TeamProjectAsync();
        var storyId = await factory.StoryAsync(team.Id, Proeftuin.Features.Stories.ConsentScope.Project);
        using var anonymous = factory.NewBrowser();
        using var response = await anonymous.GetAsync($"/draad/{storyId}");
        Expect.Redirect(response, $"/verhalen/{storyId}");
        using var edit = await (await factory.SignInAsync(team.Facilitator.Email!)).GetAsync($"/draad/{storyId}/bewerken");
        Expect.Status(HttpStatusCode.NotFound, edit);
    }
}
