using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Stories;

/// <summary>
/// Consent can be narrowed without withdrawing: everyone with the name → everyone without it → only the team, no more
/// quoting, no name. Widening needs the teller's explicit choice; a facilitator only narrows, on the teller's request.
/// Every change is dated on the story.
/// </summary>
public sealed class ConsentChangeTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    private static string Url(int id, string? key = null) => $"/verhalen/{id}/toestemming" + (key is null ? "" : "?sleutel=" + key);

    private static async Task<HttpResponseMessage> ChangeAsync(Browser browser, int id, string? key, object values)
    {
        var page = await browser.OpenAsync(Url(id, key));
        return await browser.SubmitAsync(page.FormFor("Scope"), values);
    }

    private Task<List<StoryConsentChange>> HistoryAsync(int id) =>
        factory.WithDbAsync(db => db.StoryConsentChanges.AsNoTracking().Where(c => c.StoryId == id).OrderBy(c => c.Id).ToListAsync());

    private async Task SetQuoteAsync(int id, bool mayQuote) =>
        await factory.WithDbAsync(async db =>
        {
            var s = await db.Stories.SingleAsync(x => x.Id == id);
            s.MayQuote = mayQuote;
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_key_holder_narrows_step_by_step_and_each_change_is_dated_for_teller_and_team()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project);
        await SetQuoteAsync(story.Id, true);
        using var teller = factory.NewBrowser();

        var page = await teller.OpenAsync(Url(story.Id, story.Key));
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.NotNull(page.Document.QuerySelector("input[name='Scope'][value='Project'][checked]"));
        Assert.Null(page.Document.QuerySelector("input[name='ConfirmWider'][checked]")); // never a default

        using (var first = await ChangeAsync(teller, story.Id, story.Key, new { Scope = "PublicAnonymised", MayQuote = "true" }))
            Expect.Redirect(first, $"/verhalen/{story.Id}?sleutel={story.Key}");
        Assert.Equal(ConsentScope.PublicAnonymised, (await factory.StoryRowAsync(story.Id))!.Scope);
        using (var second = await ChangeAsync(teller, story.Id, story.Key, new { Scope = "Team", RemoveName = "true", MayQuote = "false" }))
            Expect.Redirect(second, $"/verhalen/{story.Id}?sleutel={story.Key}");
        var row = (await factory.StoryRowAsync(story.Id))!;
        Assert.Equal(ConsentScope.Team, row.Scope);
        Assert.False(row.MayQuote);
        Assert.Null(row.TellerName);
        Assert.Null(row.WithdrawnAt);
        Assert.Contains(story.Marker, row.Text, StringComparison.Ordinal);

        var history = await HistoryAsync(story.Id);
        Assert.Equal([ConsentChangeKind.Scope, ConsentChangeKind.Scope, ConsentChangeKind.Quote, ConsentChangeKind.NameRemoved], history.Select(c => c.Kind));
        Assert.Equal(("Project", "PublicAnonymised"), (history[0].From, history[0].To));
        Assert.Equal(("PublicAnonymised", "Team"), (history[1].From, history[1].To));
        Assert.All(history, c => Assert.True(c.ByTeller));
        Assert.All(history, c => Assert.Null(c.ById));
        Assert.All(history, c => Assert.True(c.At > DateTime.UtcNow.AddMinutes(-5)));
        Assert.DoesNotContain(history, c => (c.From ?? "").Contains(story.TellerName, StringComparison.Ordinal));

        // Shown, dated, to the teller and to the team; not to the observer (who can no longer read it at all).
        using var member = await factory.SignInAsync(team.Member.Email!);
        foreach (var shown in new[] { await teller.OpenAsync($"/verhalen/{story.Id}?sleutel={story.Key}"), await member.OpenAsync($"/verhalen/{story.Id}") })
        {
            Assert.Contains("Eerder aangepast", shown.MainText, StringComparison.Ordinal);
            Assert.Contains("Wie mag lezen: eerst “Iedereen in het project”, nu “Iedereen, zonder naam”.", shown.MainText, StringComparison.Ordinal);
            Assert.Contains("Citeren mag niet meer.", shown.MainText, StringComparison.Ordinal);
            Assert.Contains("De naam is weggehaald.", shown.MainText, StringComparison.Ordinal);
            Assert.Contains("door de verteller", shown.MainText, StringComparison.Ordinal);
            Assert.NotNull(shown.Document.QuerySelector(".pt-consent-history time[datetime]"));
        }
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetPageAsync($"/verhalen/{story.Id}")).Status);
    }

    [Fact]
    public async Task Widening_needs_the_tellers_explicit_choice()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team, tellerId: team.Member.Id);
        using var teller = await factory.SignInAsync(team.Member.Email!);

        await Expect.FormErrorAsync(await ChangeAsync(teller, story.Id, null, new { Scope = "Project" }), "Vink aan dat je dat echt wilt");
        await Expect.FormErrorAsync(await ChangeAsync(teller, story.Id, null, new { Scope = "Team", MayQuote = "true" }), "Vink aan dat je dat echt wilt");
        var row = (await factory.StoryRowAsync(story.Id))!;
        Assert.Equal(ConsentScope.Team, row.Scope);
        Assert.False(row.MayQuote);
        Assert.Empty(await HistoryAsync(story.Id));

        using (var ok = await ChangeAsync(teller, story.Id, null, new { Scope = "Project", MayQuote = "true", ConfirmWider = "true" }))
            Expect.Redirect(ok, $"/verhalen/{story.Id}");
        row = (await factory.StoryRowAsync(story.Id))!;
        Assert.Equal(ConsentScope.Project, row.Scope);
        Assert.True(row.MayQuote);
        var history = await HistoryAsync(story.Id);
        Assert.Equal(2, history.Count);
        Assert.All(history, c => Assert.Equal(team.Member.Id, c.ById));

        // From "everyone, without my name" to "everyone, with my name" shows the name: that is widening too.
        using (var narrowed = await ChangeAsync(teller, story.Id, null, new { Scope = "PublicAnonymised", MayQuote = "true" }))
            Expect.Redirect(narrowed, $"/verhalen/{story.Id}");
        await Expect.FormErrorAsync(await ChangeAsync(teller, story.Id, null, new { Scope = "Project", MayQuote = "true" }), "Vink aan dat je dat echt wilt");
        Assert.Equal(ConsentScope.PublicAnonymised, (await factory.StoryRowAsync(story.Id))!.Scope);
    }

    [Fact]
    public async Task A_facilitator_only_narrows_and_only_on_the_tellers_request()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.PublicAnonymised, tellerId: team.Member.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        var page = await facilitator.OpenAsync(Url(story.Id));
        Assert.Null(page.Document.QuerySelector("input[name='Scope'][value='Project']")); // wider is not offered
        Assert.Null(page.Document.QuerySelector("input[name='ConfirmWider']"));
        await Expect.FormErrorAsync(await ChangeAsync(facilitator, story.Id, null, new { Scope = "Team" }), "Vink aan dat de verteller hierom heeft gevraagd");
        await Expect.FormErrorAsync(await ChangeAsync(facilitator, story.Id, null,
            new { Scope = "Project", RequestedByTeller = "true", ConfirmWider = "true" }), "Alleen de verteller zelf kan meer toestaan");
        await Expect.FormErrorAsync(await ChangeAsync(facilitator, story.Id, null,
            new { Scope = "PublicAnonymised", MayQuote = "true", RequestedByTeller = "true", ConfirmWider = "true" }), "Alleen de verteller zelf kan meer toestaan");
        Assert.Equal(ConsentScope.PublicAnonymised, (await factory.StoryRowAsync(story.Id))!.Scope);
        Assert.Empty(await HistoryAsync(story.Id));

        using (var ok = await ChangeAsync(facilitator, story.Id, null, new { Scope = "Team", RequestedByTeller = "true" }))
            Expect.Redirect(ok, $"/verhalen/{story.Id}");
        Assert.Equal(ConsentScope.Team, (await factory.StoryRowAsync(story.Id))!.Scope);
        var change = Assert.Single(await HistoryAsync(story.Id));
        Assert.False(change.ByTeller);
        Assert.Equal(team.Facilitator.Id, change.ById);
        using var teller = await factory.SignInAsync(team.Member.Email!);
        var shown = await teller.OpenAsync($"/verhalen/{story.Id}");
        Assert.Contains($"door {team.Facilitator.DisplayName}, op verzoek van de verteller", shown.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_members_observers_outsiders_visitors_and_wrong_keys_change_nothing()
    {
        var open = await factory.Data.TeamProjectAsync();
        var teammate = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = open.Id, UserId = teammate.Id, Role = ProjectRole.Member, Perspective = Perspective.Experience, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var story = await factory.StoryAsync(open.Id, ConsentScope.Project, tellerId: open.Member.Id);
        var fields = new { Scope = "Team", RequestedByTeller = "true", ConfirmWider = "true" };
        var outsider = await factory.Data.UserAsync();
        foreach (var email in new[] { teammate.Email!, open.Observer.Email!, outsider.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            // They may read the story (scope Project, open project), so: 403, not 404.
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetPageAsync(Url(story.Id))).Status);
            using var post = await browser.PostAsync(Url(story.Id), fields);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            using var keyed = await browser.PostAsync(Url(story.Id, Tokens.New()), fields);
            Assert.Equal(HttpStatusCode.Forbidden, keyed.StatusCode);
        }
        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync(Url(story.Id)));

        // A members-only project: strangers and wrong keys are told nothing exists.
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var hidden = await factory.StoryAsync(closed.Id, ConsentScope.Project);
        foreach (var key in new[] { Tokens.New(), StoryKeys.NewShort(), "", TestData.Script, new string('a', 43) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync(Url(hidden.Id, key))).Status);
            using var post = await anonymous.PostAsync(Url(hidden.Id, key), fields);
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{post.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync(Url(999_999, hidden.Key))).Status);
        // The key of one story does not open another.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync(Url(hidden.Id, story.Key))).Status);

        Assert.Equal(ConsentScope.Project, (await factory.StoryRowAsync(story.Id))!.Scope);
        Assert.Equal(ConsentScope.Project, (await factory.StoryRowAsync(hidden.Id))!.Scope);
        Assert.Empty(await HistoryAsync(story.Id));
        Assert.Empty(await HistoryAsync(hidden.Id));
    }

    [Fact]
    public async Task Hostile_choices_get_a_Dutch_message_and_change_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project);
        using var teller = factory.NewBrowser();
        foreach (var scope in new[] { "", "7", "Everyone", TestData.Script, TestData.Long(5000) })
        {
            var page = await Expect.FormErrorAsync(await ChangeAsync(teller, story.Id, story.Key, new { Scope = scope, ConfirmWider = "true" }),
                "Kies wie het verhaal mag lezen.");
            Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        }
        await Expect.FormErrorAsync(await ChangeAsync(teller, story.Id, story.Key, new { Scope = "Team", MayQuote = "misschien" }), "is niet geldig");
        Assert.Equal(ConsentScope.Project, (await factory.StoryRowAsync(story.Id))!.Scope);
        Assert.Empty(await HistoryAsync(story.Id));
    }

    [Fact]
    public async Task Withdrawal_erases_the_history_and_a_withdrawn_story_has_no_consent_page()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project);
        using var teller = factory.NewBrowser();
        using (await ChangeAsync(teller, story.Id, story.Key, new { Scope = "Team" })) { }
        Assert.Single(await HistoryAsync(story.Id));
        var withdraw = await teller.OpenAsync($"/verhalen/{story.Id}/intrekken?sleutel={story.Key}");
        using (await teller.SubmitAsync(withdraw.FormWithAction("/intrekken"), new { })) { }
        Assert.Empty(await HistoryAsync(story.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await teller.GetPageAsync(Url(story.Id, story.Key))).Status);
    }
}
