using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Stories;

/// <summary>Bad input on the story forms: a clear Dutch message, 4xx, and nothing saved.</summary>
public sealed class HostileInputTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    public static TheoryData<string, string, string, string> BadStories => new()
    {
        // prompt (OWN / OTHER / ARCHIVED / NONE / a value), text, scope, expected message
        { "OWN", "", "Team", "Vul je verhaal in." },
        { "OWN", "   ", "Team", "Vul je verhaal in." },
        { "OWN", TestData.Long(10_001), "Team", "is te lang: maximaal 10000 tekens." },
        { "OWN", "Een verhaal", "", "Kies wie je verhaal mag lezen." },
        { "OWN", "Een verhaal", "Everyone", "Kies wie je verhaal mag lezen." },
        { "OWN", "Een verhaal", "7", "Kies wie je verhaal mag lezen." },
        { "OTHER", "Een verhaal", "Team", "Deze vraag bestaat niet (meer)." },
        { "ARCHIVED", "Een verhaal", "Team", "Deze vraag bestaat niet (meer)." },
        { "999999", "Een verhaal", "Team", "Deze vraag bestaat niet (meer)." },
        { "NONE", "Een verhaal", "Team", "Kies de vraag waarop je antwoord geeft." },
        { "OWN", "Tekst met \u0007 erin", "Team", "bevat tekens die niet kunnen" },
    };

    private async Task<(TeamProject Team, Dictionary<string, string> Prompts)> SetUpAsync()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var prompts = new Dictionary<string, string>
        {
            ["OWN"] = (await factory.PromptAsync(team.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ARCHIVED"] = (await factory.PromptAsync(team.Id, "Oude vraag", archived: true)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OTHER"] = (await factory.PromptAsync(other.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return (team, prompts);
    }

    [Theory]
    [MemberData(nameof(BadStories))]
    public async Task Signed_in_share_form(string prompt, string text, string scope, string message)
    {
        var (team, prompts) = await SetUpAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/verhalen/delen");
        using var response = await member.SubmitAsync(page.FormFor("Input.Text"), Values(prompts, prompt, text, scope));
        var shown = await Expect.FormErrorAsync(response, message);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
        Assert.NotNull(shown.Document.QuerySelector(".pt-error-summary"));
    }

    [Theory]
    [MemberData(nameof(BadStories))]
    public async Task Share_link_form(string prompt, string text, string scope, string message)
    {
        var (team, prompts) = await SetUpAsync();
        var token = await factory.ShareTokenAsync(team.Id);
        using var visitor = factory.NewBrowser();
        var page = await visitor.OpenAsync($"/delen/{token}");
        using var response = await visitor.SubmitAsync(page.FormFor("Input.Text"), Values(prompts, prompt, text, scope));
        await Expect.FormErrorAsync(response, message);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Theory]
    [MemberData(nameof(BadStories))]
    public async Task On_behalf_form(string prompt, string text, string scope, string message)
    {
        var (team, prompts) = await SetUpAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}/verhalen/optekenen");
        var values = Values(prompts, prompt, text, scope);
        values.Add(new("Input.ConsentConfirmed", "true"));
        using var response = await facilitator.SubmitAsync(page.FormFor("Input.Text"), values);
        await Expect.FormErrorAsync(response, message);
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    private static List<KeyValuePair<string, string>> Values(Dictionary<string, string> prompts, string prompt, string text, string scope)
    {
        var values = new List<KeyValuePair<string, string>> { new("Input.Text", text), new("Input.Scope", scope) };
        values.Add(new("Input.PromptId", prompt == "NONE" ? "" : prompts.GetValueOrDefault(prompt, prompt)));
        return values;
    }

    [Fact]
    public async Task Unbindable_values_and_long_fields_are_refused()
    {
        var (team, prompts) = await SetUpAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var url = $"/projecten/{team.Id}/verhalen/delen";
        var form = (await member.OpenAsync(url)).FormFor("Input.Text");
        var good = new { Input_PromptId = prompts["OWN"], Input_Text = "Een verhaal", Input_Scope = "Team" };
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new { good.Input_PromptId, good.Input_Text, good.Input_Scope, Input_Title = TestData.Long(201) }), "is te lang: maximaal 200 tekens.");
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new { good.Input_PromptId, good.Input_Text, good.Input_Scope, Input_TellerName = TestData.Long(101) }), "is te lang: maximaal 100 tekens.");
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new { good.Input_PromptId, good.Input_Text, good.Input_Scope, Input_Perspective = "Astrologie" }), "Kies welke kennis je vooral meebrengt");
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new { Input_PromptId = "abc", good.Input_Text, good.Input_Scope }), "is niet geldig");
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new { good.Input_PromptId, good.Input_Text, good.Input_Scope, Input_MayQuote = "misschien" }), "is niet geldig");
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Fact]
    public async Task A_NUL_character_is_refused_before_anything_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/verhalen/delen");
        using var response = await member.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = "Met \u0000 erin", Input_Scope = "Team" });
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        // A Dutch page that says what went wrong, not the generic "Er ging iets mis".
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Er ging iets mis", body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Fact]
    public async Task Ten_thousand_characters_are_accepted()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/verhalen/delen");
        using var response = await member.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = TestData.Long(10_000), Input_Scope = "Team" });
        var id = Expect.RedirectToId(response, "/verhalen/");
        Assert.Equal(10_000, (await factory.StoryRowAsync(id))!.Text.Length);
    }

    [Fact]
    public async Task Markup_is_shown_as_text_everywhere()
    {
        var team = await factory.Data.TeamProjectAsync();
        var token = await factory.ShareTokenAsync(team.Id);
        using var visitor = factory.NewBrowser();
        var page = await visitor.OpenAsync($"/delen/{token}");
        using var response = await visitor.SubmitAsync(page.FormFor("Input.Text"), new
        {
            Input_Title = TestData.Script,
            Input_Text = "Mijn verhaal " + TestData.Script + "\n<img src=x onerror=alert(1)>",
            Input_TellerName = "<b>Naam</b>",
            Input_Scope = "Project",
        });
        Expect.Redirect(response, "/delen/bedankt");
        var id = await factory.WithDbAsync(db => db.Stories.Where(s => s.ProjectId == team.Id).Select(s => s.Id).SingleAsync());
        using var anonymous = factory.NewBrowser();
        var story = await anonymous.OpenAsync($"/verhalen/{id}");
        Expect.ShownAsText(story);
        Assert.Empty(story.Document.QuerySelectorAll("main img, main b, main [onerror]"));
        Assert.Contains("<b>Naam</b>", story.MainText, StringComparison.Ordinal);
        var list = await anonymous.OpenAsync($"/projecten/{team.Id}/verhalen");
        Expect.ShownAsText(list);
        Assert.Empty(list.Document.QuerySelectorAll("main img, main b"));
    }

    [Theory]
    [InlineData("/verhalen/999999")]
    [InlineData("/verhalen/0")]
    [InlineData("/verhalen/abc")]
    [InlineData("/verhalen/999999/intrekken")]
    [InlineData("/projecten/999999/verhalen")]
    [InlineData("/projecten/999999/verhalen/delen")]
    [InlineData("/projecten/999999/verhalen/optekenen")]
    [InlineData("/projecten/999999/verhaalvragen")]
    public async Task Wrong_ids_are_404(string url)
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze pagina bestaat niet", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_of_another_project_cannot_be_shared_into_this_one_by_editing_the_address()
    {
        var open = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        using var member = await factory.SignInAsync(open.Member.Email!);
        using var response = await member.PostAsync($"/projecten/{closed.Id}/verhalen/delen", new { Input_Text = "Verkeerd project", Input_Scope = "Team" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await factory.StoryCountAsync(closed.Id));
        Assert.Equal(0, await factory.StoryCountAsync(open.Id));
    }

    [Fact]
    public async Task Posts_without_antiforgery_token_are_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var token = await factory.ShareTokenAsync(team.Id);
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team);
        using var visitor = factory.NewBrowser();
        using (var share = await visitor.PostWithoutTokenAsync($"/delen/{token}", [new("Input.Text", "Zonder token"), new("Input.Scope", "Team")]))
            Assert.Equal(HttpStatusCode.BadRequest, share.StatusCode);
        using (var withdraw = await visitor.PostWithoutTokenAsync($"/verhalen/{story.Id}/intrekken?sleutel={story.Key}", []))
            Assert.Equal(HttpStatusCode.BadRequest, withdraw.StatusCode);
        Assert.Equal(1, await factory.StoryCountAsync(team.Id));
        Assert.Null((await factory.StoryRowAsync(story.Id))!.WithdrawnAt);
    }

    [Fact]
    public async Task Every_post_form_on_the_story_pages_carries_a_token()
    {
        var team = await factory.Data.TeamProjectAsync();
        await factory.PromptAsync(team.Id);
        var token = await factory.ShareTokenAsync(team.Id);
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team, recordedById: team.Facilitator.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        foreach (var url in new[]
        {
            $"/projecten/{team.Id}/verhalen", $"/projecten/{team.Id}/verhalen/delen", $"/projecten/{team.Id}/verhalen/optekenen",
            $"/projecten/{team.Id}/verhaalvragen", $"/delen/{token}", $"/verhalen/{story.Id}", $"/verhalen/{story.Id}/intrekken",
        })
        {
            var page = await facilitator.OpenAsync(url);
            foreach (var form in page.Forms.Where(f => f.Method == "post"))
                Assert.True(form.HasField("__RequestVerificationToken"), $"{url}: the form posting to {form.Action} has no antiforgery token");
        }
    }
}
