namespace Proeftuin.Tests.Stories;

/// <summary>Opgetekend door: a facilitator records a story on a resident's behalf, with their consent.</summary>
public sealed class RecordStoryTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    private static async Task<HttpResponseMessage> RecordAsync(Browser browser, int projectId, object values)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/verhalen/optekenen");
        return await browser.SubmitAsync(page.FormFor("Input.ConsentConfirmed"), values);
    }

    [Fact]
    public async Task A_facilitator_records_a_story_with_the_tellers_consent()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var response = await RecordAsync(facilitator, team.Id, new
        {
            Input_Text = "Mevrouw vertelde over de rekeningen die zich opstapelden.",
            Input_Scope = "PublicAnonymised",
            Input_TellerName = "Mevrouw J.",
            Input_ConsentConfirmed = "true",
        });
        var id = Expect.RedirectToId(response, "/verhalen/");
        Assert.EndsWith("/briefje", Expect.LocationPath(response), StringComparison.Ordinal);
        var story = (await factory.StoryRowAsync(id))!;
        Assert.Null(story.TellerId);
        Assert.Equal(team.Facilitator.Id, story.RecordedById);
        Assert.Equal(team.Facilitator.Id, story.ConsentById);
        Assert.Equal(team.Facilitator.Id, story.AuthorId);
        Assert.Equal("Mevrouw J.", story.TellerName);
        Assert.Equal(Perspective.Experience, story.KnowledgeSource); // the resident's, not the facilitator's
        Assert.True(story.ConsentAt > DateTime.UtcNow.AddMinutes(-5));

        // The team sees who recorded it and who recorded the consent; outsiders see neither name.
        using var member = await factory.SignInAsync(team.Member.Email!);
        var seen = await member.OpenAsync($"/verhalen/{id}");
        Assert.Contains($"Opgetekend door {team.Facilitator.DisplayName}", seen.MainText, StringComparison.Ordinal);
        Assert.Contains("Mevrouw J.", seen.MainText, StringComparison.Ordinal);
        using var anonymous = factory.NewBrowser();
        var outside = await anonymous.OpenAsync($"/verhalen/{id}");
        Assert.DoesNotContain(team.Facilitator.DisplayName, outside.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Mevrouw J.", outside.Text, StringComparison.Ordinal);
        // The recorder may act for the teller.
        var own = await facilitator.OpenAsync($"/verhalen/{id}");
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/duiden']"));
    }

    [Fact]
    public async Task Without_the_consent_box_nothing_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await Expect.FormErrorAsync(await RecordAsync(facilitator, team.Id, new { Input_Text = "Zonder toestemming", Input_Scope = "Team" }),
            "Vraag eerst toestemming aan de verteller");
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Fact]
    public async Task Observers_members_outsiders_and_anonymous_visitors_cannot_record_on_behalf()
    {
        var team = await factory.Data.TeamProjectAsync();
        var outsider = await factory.Data.UserAsync();
        var url = $"/projecten/{team.Id}/verhalen/optekenen";
        var fields = new { Input_Text = "Namens iemand", Input_Scope = "Team", Input_ConsentConfirmed = "true" };
        foreach (var email in new[] { team.Observer.Email!, team.Member.Email!, outsider.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetPageAsync(url)).Status);
            using var post = await browser.PostAsync(url, fields);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync(url));
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }
}
