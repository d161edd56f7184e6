namespace Proeftuin.Tests.Stories;

/// <summary>Facilitators manage the prompts and the share link; nobody else.</summary>
public sealed class PromptsTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    private Task<List<(string Text, bool Archived, int Position)>> PromptsAsync(int projectId) =>
        factory.WithDbAsync(db => db.StoryPrompts.Where(p => p.ProjectId == projectId).OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new ValueTuple<string, bool, int>(p.Text, p.IsArchived, p.Position)).ToListAsync());

    private Task<int> PromptIdAsync(int projectId, string text) =>
        factory.WithDbAsync(db => db.StoryPrompts.Where(p => p.ProjectId == projectId && p.Text == text).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task A_facilitator_adds_edits_reorders_and_archives_prompts()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/projecten/{team.Id}/verhaalvragen";
        foreach (var text in new[] { "Vertel over een moment waarop je hulp kreeg.", "Vertel over een moment waarop je vastliep." })
        {
            var page = await facilitator.OpenAsync(url);
            using var added = await facilitator.SubmitAsync(page.FormFor("NewPrompt.Text"), new { NewPrompt_Text = text });
            Expect.Redirect(added, url);
        }
        var first = await PromptIdAsync(team.Id, "Vertel over een moment waarop je hulp kreeg.");
        var second = await PromptIdAsync(team.Id, "Vertel over een moment waarop je vastliep.");

        var list = await facilitator.OpenAsync(url);
        var secondForm = list.Forms.Single(f => f.Fields.Any(x => x.Key == "promptId" && x.Value == second.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var moved = await facilitator.SubmitAsync(secondForm, formAction: "?handler=Up"))
            Expect.Redirect(moved, url);
        Assert.Equal(["Vertel over een moment waarop je vastliep.", "Vertel over een moment waarop je hulp kreeg."], (await PromptsAsync(team.Id)).Select(p => p.Text));

        list = await facilitator.OpenAsync(url);
        var firstForm = list.Forms.Single(f => f.Fields.Any(x => x.Key == "promptId" && x.Value == first.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var edited = await facilitator.SubmitAsync(firstForm, [new("text", "Vertel over een moment waarop iemand je echt hielp.")]))
            Expect.Redirect(edited, url);
        using (var archived = await facilitator.SubmitAsync(firstForm, formAction: "?handler=Archive"))
            Expect.Redirect(archived, url);
        var prompts = await PromptsAsync(team.Id);
        Assert.Contains(prompts, p => p.Text == "Vertel over een moment waarop iemand je echt hielp." && p.Archived);

        // Archived prompts are no longer offered to tellers.
        using var member = await factory.SignInAsync(team.Member.Email!);
        var share = await member.OpenAsync($"/projecten/{team.Id}/verhalen/delen");
        Assert.Equal([second.ToString(System.Globalization.CultureInfo.InvariantCulture)], share.FormFor("Input.Text").Options("Input.PromptId"));
    }

    [Fact]
    public async Task Bad_prompts_get_Dutch_messages_and_save_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/projecten/{team.Id}/verhaalvragen";
        var page = await facilitator.OpenAsync(url);
        await Expect.FormErrorAsync(await facilitator.SubmitAsync(page.FormFor("NewPrompt.Text"), new { NewPrompt_Text = "  " }), "Vul de verhaalvraag in.");
        await Expect.FormErrorAsync(await facilitator.SubmitAsync(page.FormFor("NewPrompt.Text"), new { NewPrompt_Text = TestData.Long(501) }), "is te lang: maximaal 500 tekens.");
        Assert.Empty(await PromptsAsync(team.Id));
        var id = await factory.PromptAsync(team.Id);
        using var edit = await facilitator.PostAsync(url + "?handler=Edit", new { promptId = id, text = "" });
        await Expect.FormErrorAsync(edit, "Vul de verhaalvraag in.");
        // A prompt of another project, or none at all, is not found.
        var other = await factory.Data.TeamProjectAsync();
        var foreign = await factory.PromptAsync(other.Id, "Van een ander project");
        using (var post = await facilitator.PostAsync(url + "?handler=Archive", new { promptId = foreign }))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using (var post = await facilitator.PostAsync(url + "?handler=Edit", new { promptId = 999999, text = "Nieuw" }))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal([("Van een ander project", false)], (await PromptsAsync(other.Id)).Select(p => (p.Text, p.Archived)));
    }

    [Fact]
    public async Task The_share_link_is_turned_on_renewed_and_off()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/projecten/{team.Id}/verhaalvragen";
        using (var on = await facilitator.SubmitAsync((await facilitator.OpenAsync(url)).FormWithAction("handler=ShareOn")))
            Expect.Redirect(on, url);
        var page = await facilitator.OpenAsync(url);
        var shown = page.Document.QuerySelector(".pt-story-key__link a")!.TextContent;
        Assert.StartsWith("http://localhost/delen/", shown, StringComparison.Ordinal);
        var first = new Uri(shown).AbsolutePath;
        using var visitor = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetPageAsync(first)).Status);

        using (var renew = await facilitator.SubmitAsync(page.FormWithAction("handler=ShareRenew")))
            Expect.Redirect(renew, url);
        var second = new Uri((await facilitator.OpenAsync(url)).Document.QuerySelector(".pt-story-key__link a")!.TextContent).AbsolutePath;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync(first)).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetPageAsync(second)).Status);

        using (var off = await facilitator.SubmitAsync((await facilitator.OpenAsync(url)).FormWithAction("handler=ShareOff")))
            Expect.Redirect(off, url);
        Assert.Null((await factory.Data.ProjectRowAsync(team.Id)).StoryShareToken);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync(second)).Status);
    }

    [Fact]
    public async Task Members_observers_outsiders_and_anonymous_visitors_cannot_manage_prompts()
    {
        var team = await factory.Data.TeamProjectAsync();
        var outsider = await factory.Data.UserAsync();
        var url = $"/projecten/{team.Id}/verhaalvragen";
        foreach (var email in new[] { team.Member.Email!, team.Observer.Email!, outsider.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetPageAsync(url)).Status);
            using (var add = await browser.PostAsync(url + "?handler=Add", new { NewPrompt_Text = "Vertel over een moment" }))
                Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
            using (var on = await browser.PostAsync(url + "?handler=ShareOn", new { }))
                Assert.Equal(HttpStatusCode.Forbidden, on.StatusCode);
        }
        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync(url));
        Assert.Empty(await PromptsAsync(team.Id));
        Assert.Null((await factory.Data.ProjectRowAsync(team.Id)).StoryShareToken);
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        using var stranger = await factory.SignInAsync(outsider.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetPageAsync($"/projecten/{closed.Id}/verhaalvragen")).Status);
    }
}
