using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Stories;

/// <summary>Sharing a story: signed in (members, observers, readers of an open project) and through the share link.</summary>
public sealed class ShareStoryTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    private static async Task<HttpResponseMessage> ShareAsync(Browser browser, string url, object values)
    {
        var page = await browser.OpenAsync(url);
        return await browser.SubmitAsync(page.FormFor("Input.Text"), values);
    }

    [Fact]
    public async Task A_member_shares_a_story_with_a_pseudonym_by_default()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Define);
        var prompt = await factory.PromptAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var form = await member.OpenAsync($"/projecten/{team.Id}/verhalen/delen");
        // No silent default for who may read: every scope is offered, none is chosen.
        var scopeInputs = form.Document.QuerySelectorAll("input[name='Input.Scope']").ToList();
        Assert.Equal(3, scopeInputs.Count);
        Assert.DoesNotContain(scopeInputs, i => i.HasAttribute("checked"));
        Assert.Contains("Alleen het projectteam", form.MainText, StringComparison.Ordinal);
        Assert.Contains("Je accountnaam wordt niet getoond", form.MainText, StringComparison.Ordinal);
        // The only prompt is preselected; the member's perspective too.
        Assert.True(form.Document.QuerySelector($"#vraag-{prompt}")!.HasAttribute("checked"));

        using var response = await member.SubmitAsync(form.FormFor("Input.Text"), new
        {
            Input_Title = "Eenzaam na de verhuizing",
            Input_Text = "Na de verhuizing kende ik niemand.\nDe buurvrouw belde aan.\n\nToen ging het beter.",
            Input_Scope = "Project",
            Input_MayQuote = "true",
        });
        var id = Expect.RedirectToId(response, "/verhalen/");
        Assert.EndsWith("/duiden", Expect.LocationPath(response), StringComparison.Ordinal);

        var story = (await factory.StoryRowAsync(id))!;
        Assert.Equal(team.Id, story.ProjectId);
        Assert.Equal(prompt, story.PromptId);
        Assert.Equal(team.Member.Id, story.TellerId);
        Assert.Equal(team.Member.Id, story.ConsentById);
        Assert.Null(story.RecordedById);
        Assert.Null(story.TellerName);
        Assert.Null(story.TellerKeyHash);
        Assert.Equal(ConsentScope.Project, story.Scope);
        Assert.True(story.MayQuote);
        Assert.Equal(Perspective.Experience, story.KnowledgeSource);
        Assert.Equal(Phase.Define, story.Phase);
        Assert.True(story.ConsentAt > DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal("<p>Na de verhuizing kende ik niemand.<br>De buurvrouw belde aan.</p><p>Toen ging het beter.</p>", story.Html);
        Assert.Contains(" eenzam ", story.SearchTerms, StringComparison.Ordinal);

        // Anyone who may read the project sees the pseudonym, never the account name.
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/verhalen/{id}");
        Assert.Contains($"Verteller {id}", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(team.Member.DisplayName, page.Text, StringComparison.Ordinal);
        Assert.Equal(2, page.Document.QuerySelectorAll(".pt-story__text p").Length);
        // The teller sees their own buttons.
        var own = await member.OpenAsync($"/verhalen/{id}");
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/wat-is-ermee-gebeurd']"));
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/intrekken']"));
        Assert.Contains("Gegeven door de verteller zelf", own.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observer_shares_a_team_story_and_still_reads_it_while_other_observers_do_not()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var otherObserver = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = otherObserver.Id, Role = ProjectRole.Observer, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var response = await ShareAsync(observer, $"/projecten/{team.Id}/verhalen/delen",
            new { Input_Text = "Mijn ervaring met het loket.", Input_Scope = "Team", Input_TellerName = "Kees" });
        var id = Expect.RedirectToId(response, "/verhalen/");
        var story = (await factory.StoryRowAsync(id))!;
        Assert.Equal(Perspective.Scientific, story.KnowledgeSource); // the observer's perspective in this project
        Assert.Equal("Kees", story.TellerName);

        Assert.Contains("Mijn ervaring met het loket.", (await observer.OpenAsync($"/projecten/{team.Id}/verhalen")).MainText, StringComparison.Ordinal);
        Assert.Contains("Kees", (await observer.OpenAsync($"/verhalen/{id}")).MainText, StringComparison.Ordinal);
        using var other = await factory.SignInAsync(otherObserver.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetPageAsync($"/verhalen/{id}")).Status);
        Assert.DoesNotContain("Mijn ervaring met het loket.", (await other.OpenAsync($"/projecten/{team.Id}/verhalen")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_reader_of_an_open_project_may_share_but_not_of_a_members_only_one()
    {
        var open = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var outsider = await factory.Data.UserAsync(perspective: Perspective.Professional);
        using var browser = await factory.SignInAsync(outsider.Email!);
        using var response = await ShareAsync(browser, $"/projecten/{open.Id}/verhalen/delen", new { Input_Text = "Vanuit mijn werk.", Input_Scope = "PublicAnonymised" });
        var id = Expect.RedirectToId(response, "/verhalen/");
        Assert.Equal(Perspective.Professional, (await factory.StoryRowAsync(id))!.KnowledgeSource); // the account's default perspective

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetPageAsync($"/projecten/{closed.Id}/verhalen/delen")).Status);
        using var post = await browser.PostAsync($"/projecten/{closed.Id}/verhalen/delen", new { Input_Text = "Stiekem", Input_Scope = "Team" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.StoryCountAsync(closed.Id));

        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync($"/projecten/{open.Id}/verhalen/delen"));
    }

    [Fact]
    public async Task Anyone_with_the_share_link_tells_a_story_without_an_account_and_gets_a_private_link_once()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var prompt = await factory.PromptAsync(team.Id);
        var token = await factory.ShareTokenAsync(team.Id);
        using var visitor = factory.NewBrowser();
        var form = await visitor.OpenAsync($"/delen/{token}");
        Assert.True(form.FormFor("Input.Text").HasField("Input.TellerEmail"));
        using var response = await visitor.SubmitAsync(form.FormFor("Input.Text"), new
        {
            Input_PromptId = prompt.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Input_Text = "Aan de keukentafel vertelde ik over de schulden.",
            Input_Scope = "Team",
            Input_NotifyByEmail = "true",
            Input_TellerEmail = "Bewoner@Example.nl",
        });
        Expect.Redirect(response, "/delen/bedankt");
        var thanks = await visitor.OpenAsync("/delen/bedankt");
        Assert.True(thanks.Headers.CacheControl?.NoStore);
        var link = thanks.Document.QuerySelector(".pt-story-key__link a")!.GetAttribute("href")!;
        var uri = new Uri(link);
        Assert.StartsWith("/verhalen/", uri.AbsolutePath, StringComparison.Ordinal);
        var id = int.Parse(uri.AbsolutePath["/verhalen/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var key = uri.Query["?sleutel=".Length..];
        Assert.True(Tokens.LooksValid(key));
        Assert.NotNull(thanks.Document.QuerySelector($"a[href='/verhalen/{id}/duiden?sleutel={key}']"));

        var story = (await factory.StoryRowAsync(id))!;
        Assert.Null(story.TellerId);
        Assert.Null(story.ConsentById);
        Assert.Equal(Tokens.Hash(key), story.TellerKeyHash);
        Assert.Equal("bewoner@example.nl", story.TellerEmail);
        Assert.True(story.NotifyByEmail);
        Assert.Equal(Perspective.Experience, story.KnowledgeSource);

        // Shown once only.
        var again = await visitor.OpenAsync("/delen/bedankt");
        Assert.DoesNotContain(key, again.Text, StringComparison.Ordinal);

        // The key opens the story in a project the visitor cannot read, with the teller's own links carrying it.
        var own = await visitor.OpenAsync(uri.PathAndQuery);
        Assert.Contains("Aan de keukentafel", own.MainText, StringComparison.Ordinal);
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/duiden?sleutel={key}']"));
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/wat-is-ermee-gebeurd?sleutel={key}']"));
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/intrekken?sleutel={key}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync($"/verhalen/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync($"/verhalen/{id}?sleutel={Tokens.New()}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync($"/projecten/{team.Id}/verhalen")).Status);
    }

    [Fact]
    public async Task The_e_mail_address_is_kept_only_when_updates_are_wanted()
    {
        var team = await factory.Data.TeamProjectAsync();
        var token = await factory.ShareTokenAsync(team.Id);
        using var visitor = factory.NewBrowser();
        using var response = await ShareAsync(visitor, $"/delen/{token}",
            new { Input_Text = "Zonder berichten.", Input_Scope = "Project", Input_TellerEmail = "iemand@example.nl" });
        Expect.Redirect(response, "/delen/bedankt");
        var story = await factory.WithDbAsync(db => db.Stories.AsNoTracking().SingleAsync(s => s.ProjectId == team.Id));
        Assert.Null(story.TellerEmail);
        Assert.False(story.NotifyByEmail);

        await Expect.FormErrorAsync(await ShareAsync(visitor, $"/delen/{token}",
            new { Input_Text = "Met een fout adres.", Input_Scope = "Project", Input_NotifyByEmail = "true", Input_TellerEmail = "geen-adres" }),
            "Vul een geldig e-mailadres in");
        Assert.Equal(1, await factory.StoryCountAsync(team.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kapot")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_wrong_share_link_is_a_friendly_404(string token)
    {
        using var visitor = factory.NewBrowser();
        var page = await visitor.GetPageAsync("/delen/" + token);
        if (token.Length == 0) { Assert.Equal(HttpStatusCode.NotFound, page.Status); return; }
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze link werkt niet", page.MainText, StringComparison.Ordinal);
        using var post = await visitor.PostAsync("/delen/" + token, new { Input_Text = "Toch proberen", Input_Scope = "Team" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task A_renewed_or_switched_off_link_stops_working_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var token = await factory.ShareTokenAsync(team.Id);
        using var visitor = factory.NewBrowser();
        var form = await visitor.OpenAsync($"/delen/{token}");
        await factory.WithDbAsync(async db =>
        {
            (await db.Projects.SingleAsync(p => p.Id == team.Id)).StoryShareToken = null;
            return await db.SaveChangesAsync();
        });
        using var response = await visitor.SubmitAsync(form.FormFor("Input.Text"), new { Input_Text = "Te laat", Input_Scope = "Team" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Fact]
    public async Task Stories_can_be_filtered_by_prompt_without_javascript()
    {
        var team = await factory.Data.TeamProjectAsync();
        var first = await factory.PromptAsync(team.Id, "Vertel over een moment waarop je geholpen werd.");
        var second = await factory.PromptAsync(team.Id, "Vertel over een moment waarop je vastliep.");
        var a = await factory.StoryAsync(team.Id, ConsentScope.Project, promptId: first);
        var b = await factory.StoryAsync(team.Id, ConsentScope.Project, promptId: second);
        using var anonymous = factory.NewBrowser();
        var all = await anonymous.OpenAsync($"/projecten/{team.Id}/verhalen");
        Assert.Contains(a.Marker, all.MainText, StringComparison.Ordinal);
        Assert.Contains(b.Marker, all.MainText, StringComparison.Ordinal);
        var filter = all.Forms.Single(f => f.Method == "get");
        Assert.Contains(second.ToString(System.Globalization.CultureInfo.InvariantCulture), filter.Options("vraag"));
        var filtered = await anonymous.OpenAsync($"/projecten/{team.Id}/verhalen?vraag={second}");
        Assert.DoesNotContain(a.Marker, filtered.MainText, StringComparison.Ordinal);
        Assert.Contains(b.Marker, filtered.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetPageAsync($"/projecten/{team.Id}/verhalen?vraag=abc")).Status);
        // Newest first.
        Assert.True(all.MainText.IndexOf(b.Marker, StringComparison.Ordinal) < all.MainText.IndexOf(a.Marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_offers_sharing_to_all_and_recording_and_prompts_to_facilitators()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/verhalen");
        Assert.NotNull(page.Document.QuerySelector($"a[href='/projecten/{team.Id}/verhalen/delen']"));
        Assert.Null(page.Document.QuerySelector($"a[href='/projecten/{team.Id}/verhalen/optekenen']"));
        Assert.Null(page.Document.QuerySelector($"a[href='/projecten/{team.Id}/verhaalvragen']"));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var own = await facilitator.OpenAsync($"/projecten/{team.Id}/verhalen");
        Assert.NotNull(own.Document.QuerySelector($"a[href='/projecten/{team.Id}/verhalen/optekenen']"));
        Assert.NotNull(own.Document.QuerySelector($"a[href='/projecten/{team.Id}/verhaalvragen']"));
    }
}
