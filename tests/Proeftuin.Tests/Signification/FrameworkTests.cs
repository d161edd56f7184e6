using Proeftuin.Features.Signification;
using Proeftuin.Web;

namespace Proeftuin.Tests.Signification;

public sealed class FrameworkTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Url(int projectId) => $"/projecten/{projectId}/duidingskader";

    private Task<SignificationFramework?> RowAsync(int projectId) =>
        factory.WithDbAsync(db => db.SignificationFrameworks.AsNoTracking().FirstOrDefaultAsync(f => f.ProjectId == projectId));

    /// <summary>Fills the signifier form: Title, Id, Labels[0].Text … (names without the Input. prefix).</summary>
    private static async Task<HttpResponseMessage> SaveAsync(Browser browser, string url, params (string Name, string Value)[] values)
    {
        var page = await browser.OpenAsync(url);
        return await browser.SubmitAsync(page.FormFor("Input.Title"), values.Select(v => new KeyValuePair<string, string>("Input." + v.Name, v.Value)));
    }

    [Fact]
    public async Task A_project_without_a_framework_shows_the_Dutch_default()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync(Url(team.Id));
        Assert.Contains("Wat hielp hier het meest?", page.MainText, StringComparison.Ordinal);
        Assert.Contains("standaardkader", page.MainText, StringComparison.Ordinal);
        Assert.Null(await RowAsync(team.Id));
    }

    [Fact]
    public async Task Facilitator_adds_a_triad_with_plain_fields()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync(Url(team.Id) + "?nieuw=Triad");
        Assert.True(page.FormFor("Input.Title").HasField("Input.Labels[2].Text"));
        Assert.False(page.FormFor("Input.Title").HasField("Input.Labels[3].Text"));
        using var response = await SaveAsync(facilitator, Url(team.Id) + "?nieuw=Triad", ("Title", "Wie had de regie?"), ("Id", ""),
            ("Labels[0].Text", "Ikzelf"), ("Labels[1].Text", "De gemeente"), ("Labels[2].Text", "Mijn familie"), ("Labels[2].Id", "familie"));
        Expect.Redirect(response, Url(team.Id));

        var row = (await RowAsync(team.Id))!;
        Assert.Equal(1, row.Version);
        var framework = FrameworkDefinition.FromJson(row.Json);
        Assert.Equal(5, framework.Signifiers.Count);
        var added = framework.Signifiers[^1];
        Assert.Equal("wie-had-de-regie", added.Id);
        Assert.Equal(SignifierType.Triad, added.Type);
        Assert.Equal(["ikzelf", "de-gemeente", "familie"], added.Labels!.Select(l => l.Id));
        Assert.Equal("Ikzelf", added.Top.Text);
        Assert.Equal("Mijn familie", added.Right.Text);
        Assert.Contains("\"type\":\"triad\"", row.Json, StringComparison.Ordinal);

        // Tellers now answer it.
        var storyId = await factory.StoryAsync(team.Id, tellerId: team.Member.Id);
        using var teller = await factory.SignInAsync(team.Member.Email!);
        var signify = await teller.OpenAsync($"/verhalen/{storyId}/duiden");
        Assert.True(signify.FormFor("hulp.top").HasField("wie-had-de-regie.top"));
    }

    [Fact]
    public async Task Edit_move_and_remove_each_raise_the_version_and_keep_ids()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        using (var edit = await SaveAsync(facilitator, Url(team.Id) + "?vraag=regie", ("Title", "De hulp was…"), ("Id", "iets-anders"), ("Labels[0].Text", "te veel bemoeienis")))
            Expect.Redirect(edit, Url(team.Id));
        var framework = FrameworkDefinition.FromJson((await RowAsync(team.Id))!.Json);
        var regie = framework.Find("regie")!;
        Assert.Equal("De hulp was…", regie.Title);
        Assert.Equal("te veel bemoeienis", regie.Left.Text);
        Assert.Equal("over-mij", regie.Left.Id);
        Assert.Null(framework.Find("iets-anders"));

        var page = await facilitator.OpenAsync(Url(team.Id));
        var up = page.Forms.First(f => f.Action.Contains("handler=Move", StringComparison.Ordinal) && f.Fields.Contains(new("signifierId", "regie")) && f.Fields.Contains(new("direction", "up")));
        using (var moved = await facilitator.SubmitAsync(up, new { }))
            Expect.Redirect(moved, Url(team.Id));
        var row = (await RowAsync(team.Id))!;
        Assert.Equal(2, row.Version);
        Assert.Equal(["regie", "hulp", "betrokkenen", "gevoel"], FrameworkDefinition.FromJson(row.Json).Signifiers.Select(s => s.Id));

        // Removing asks first.
        page = await facilitator.OpenAsync(Url(team.Id));
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == Url(team.Id) + "?weghalen=betrokkenen#weghalen");
        Assert.DoesNotContain(page.Forms, f => f.Action.Contains("handler=Remove", StringComparison.Ordinal));
        page = await facilitator.OpenAsync(Url(team.Id) + "?weghalen=betrokkenen");
        Assert.Contains("Weet je zeker dat je de vraag 'Waar staan de betrokkenen in jouw verhaal?' weghaalt?", page.MainText, StringComparison.Ordinal);
        var remove = page.Forms.First(f => f.Action.Contains("handler=Remove", StringComparison.Ordinal) && f.Fields.Contains(new("signifierId", "betrokkenen")));
        using (var removed = await facilitator.SubmitAsync(remove, new { }))
            Expect.Redirect(removed, Url(team.Id));
        row = (await RowAsync(team.Id))!;
        Assert.Equal(3, row.Version);
        Assert.Equal(["regie", "hulp", "gevoel"], FrameworkDefinition.FromJson(row.Json).Signifiers.Select(s => s.Id));

        // The very same post again (a double click, "send again") is answered as the first time, not applied twice;
        // the same form from another tab, from before the last change, is refused, not applied on top of it.
        using (var again = await facilitator.SubmitAsync(up, new { }))
            Expect.Redirect(again, Url(team.Id));
        Assert.Equal(3, (await RowAsync(team.Id))!.Version);
        await Expect.FormErrorAsync(await facilitator.SubmitAsync(up, [new(RequestKeys.FormField, RequestKeys.New())]), "Iemand anders heeft het duidingskader net gewijzigd.");
        Expect.Status(HttpStatusCode.NotFound, await facilitator.GetAsync(Url(team.Id) + "?weghalen=bestaat-niet"));
        Assert.Equal(3, (await RowAsync(team.Id))!.Version);
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var triad = Url(team.Id) + "?nieuw=Triad";
        await Expect.FormErrorAsync(await SaveAsync(facilitator, triad, ("Title", ""), ("Labels[0].Text", "a"), ("Labels[1].Text", "b"), ("Labels[2].Text", "c")), "Vul de vraag in.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, triad, ("Title", "Vraag"), ("Labels[0].Text", "a"), ("Labels[1].Text", ""), ("Labels[2].Text", "c")), "Vul de tekst in.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, triad, ("Title", "Vraag"), ("Id", "hulp"), ("Labels[0].Text", "a"), ("Labels[1].Text", "b"), ("Labels[2].Text", "c")), "Er is al een vraag met de code hulp.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, triad, ("Title", "Vraag"), ("Id", "Hulp_2!"), ("Labels[0].Text", "a"), ("Labels[1].Text", "b"), ("Labels[2].Text", "c")), "Een code bestaat uit kleine letters, cijfers en streepjes");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, triad, ("Title", "Vraag"), ("Labels[0].Text", "zelfde"), ("Labels[1].Text", "Zelfde"), ("Labels[2].Text", "c")), "De code zelfde komt twee keer voor.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, triad, ("Title", TestData.Long(201)), ("Labels[0].Text", "a"), ("Labels[1].Text", "b"), ("Labels[2].Text", "c")), "is te lang: maximaal 200 tekens.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, triad, ("Title", "Vraag"), ("Labels[0].Text", TestData.Long(101)), ("Labels[1].Text", "b"), ("Labels[2].Text", "c")), "is te lang: maximaal 100 tekens.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, Url(team.Id) + "?nieuw=Stones", ("Title", "Stenen"), ("XStart", "a"), ("XEnd", "b"), ("YStart", "c"), ("YEnd", "d"), ("Labels[0].Text", "Eén steen")), "Vul tussen 2 en 6 antwoorden in.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, Url(team.Id) + "?nieuw=Stones", ("Title", "Stenen"), ("Labels[0].Text", "Een"), ("Labels[1].Text", "Twee")), "Vul het begin van de liggende as in.");
        await Expect.FormErrorAsync(await SaveAsync(facilitator, Url(team.Id) + "?nieuw=List", ("Title", "Lijst"), ("Labels[0].Text", "Alleen")), "Vul tussen 2 en 10 antwoorden in.");

        // A type that does not exist, and a signifier that does not exist.
        var page = await facilitator.OpenAsync(triad);
        using (var badType = await facilitator.SubmitAsync(page.FormFor("Input.Title"), new { Input_Type = "Piramide", Input_Title = "Vraag" }))
            Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Expect.Status(HttpStatusCode.NotFound, await facilitator.GetAsync(Url(team.Id) + "?vraag=bestaat-niet"));
        using (var ghost = await facilitator.PostAsync(Url(team.Id) + "?handler=Remove", new { version = "0", signifierId = "bestaat-niet" }))
            await Expect.FormErrorAsync(ghost, "Deze vraag bestaat niet meer.");

        Assert.Null(await RowAsync(team.Id));
    }

    [Fact]
    public async Task Markup_in_texts_is_shown_as_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var response = await SaveAsync(facilitator, Url(team.Id) + "?nieuw=List", ("Title", TestData.Script), ("Id", "lijst"), ("Labels[0].Text", TestData.Script), ("Labels[1].Text", "Twee")))
            Expect.Redirect(response, Url(team.Id));
        Expect.ShownAsText(await facilitator.OpenAsync(Url(team.Id)));
        var storyId = await factory.StoryAsync(team.Id, tellerId: team.Member.Id);
        using var teller = await factory.SignInAsync(team.Member.Email!);
        Expect.ShownAsText(await teller.OpenAsync($"/verhalen/{storyId}/duiden"));
    }

    [Fact]
    public async Task Who_may_not_edit_the_framework()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        using var member = await factory.SignInAsync(team.Member.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await member.GetAsync(Url(team.Id)));
        using (var post = await member.PostAsync(Url(team.Id) + "?handler=Remove", new { version = "0", signifierId = "hulp" }))
            Expect.Status(HttpStatusCode.Forbidden, post);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await observer.GetAsync(Url(team.Id)));

        var other = await factory.Data.TeamProjectAsync();
        using var otherFacilitator = await factory.SignInAsync(other.Facilitator.Email!);
        Expect.Status(HttpStatusCode.NotFound, await otherFacilitator.GetAsync(Url(team.Id)));
        using (var post = await otherFacilitator.PostAsync(Url(team.Id) + "?handler=Remove", new { version = "0", signifierId = "hulp" }))
            Expect.Status(HttpStatusCode.NotFound, post);

        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync(Url(team.Id)));
        Expect.Status(HttpStatusCode.NotFound, await member.GetAsync(Url(int.MaxValue)));
        Assert.Null(await RowAsync(team.Id));
    }
}
