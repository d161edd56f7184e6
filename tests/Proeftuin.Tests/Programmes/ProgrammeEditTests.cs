namespace Proeftuin.Tests.Programmes;

public sealed class ProgrammeEditTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private Task<bool> ProgrammeExistsAsync(string title) => factory.WithDbAsync(db => db.Programmes.AnyAsync(p => p.Title == title));

    private static async Task<HttpResponseMessage> CreateAsync(Browser browser, string? title, string? introduction)
    {
        var page = await browser.OpenAsync("/programmas/nieuw");
        return await browser.SubmitAsync(page.FormFor("Input.Title"), new { Input_Title = title, Input_Introduction = introduction });
    }

    [Fact]
    public async Task Admin_creates_a_programme()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        var title = "Programma " + Guid.NewGuid().ToString("N")[..8];
        using var response = await CreateAsync(admin, title, "Een **nieuw** programma.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var page = await admin.OpenAsync($"/programmas/{id}");
        Assert.Equal(title, page.H1);
        using var anonymous = factory.NewBrowser();
        Assert.Contains(title, (await anonymous.OpenAsync("/programmas")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_edits_a_programme()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        var title = "Te bewerken " + Guid.NewGuid().ToString("N")[..8];
        (await CreateAsync(admin, title, "Oud")).Dispose();
        var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var edit = await admin.OpenAsync($"/programmas/{id}/bewerken");
        var form = edit.FormFor("Input.Title");
        Assert.Equal(title, form.Fields.Single(f => f.Key == "Input.Title").Value);
        using var response = await admin.SubmitAsync(form, new { Input_Title = title + " (nieuw)", Input_Introduction = "Nieuw" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(title + " (nieuw)", saved.Title);
        Assert.Equal("Nieuw", saved.Introduction);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in()
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        using (var response = await browser.GetAsync("/programmas/nieuw"))
            Expect.RedirectToSignIn(response, "/programmas/nieuw");
        using (var response = await browser.GetAsync($"/programmas/{id}/bewerken"))
            Expect.RedirectToSignIn(response);
        using (var response = await browser.PostAsync("/programmas/nieuw", new { Input_Title = "Anoniem programma" }))
            Expect.RedirectToSignIn(response);
        Assert.False(await ProgrammeExistsAsync("Anoniem programma"));
    }

    [Theory]
    [InlineData("procesbegeleider")]
    [InlineData("inwoner")]
    public async Task Non_admins_get_403(string who)
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = await factory.SignInDemoAsync(who);
        using (var response = await browser.GetAsync("/programmas/nieuw"))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await browser.GetAsync($"/programmas/{id}/bewerken"))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await browser.PostAsync("/programmas/nieuw", new { Input_Title = "Niet toegestaan " + who }))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await browser.PostAsync($"/programmas/{id}/bewerken", new { Input_Title = "Gekaapt " + who }))
            Expect.Status(HttpStatusCode.Forbidden, response);
        Assert.False(await ProgrammeExistsAsync("Niet toegestaan " + who));
        Assert.Equal(TestData.SocialInnovation, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_saves_nothing()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        var before = await factory.WithDbAsync(db => db.Programmes.CountAsync());
        await Expect.FormErrorAsync(await CreateAsync(admin, "", "Introductie"), "Vul een titel in.");
        await Expect.FormErrorAsync(await CreateAsync(admin, "   ", "Introductie"), "Vul een titel in.");
        await Expect.FormErrorAsync(await CreateAsync(admin, TestData.Long(), "Introductie"), "is te lang: maximaal 200 tekens.");
        await Expect.FormErrorAsync(await CreateAsync(admin, "Goede titel lang intro", TestData.Long(10_000)), "is te lang: maximaal 4000 tekens.");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Programmes.CountAsync()));

        var id = await factory.Data.ProgrammeIdAsync();
        var edit = await admin.OpenAsync($"/programmas/{id}/bewerken");
        await Expect.FormErrorAsync(await admin.SubmitAsync(edit.FormFor("Input.Title"), new { Input_Title = "" }), "Vul een titel in.");
        Assert.Equal(TestData.SocialInnovation, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Script_in_title_and_introduction_is_shown_as_text()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        var title = TestData.Script + Guid.NewGuid().ToString("N")[..6];
        (await CreateAsync(admin, title, TestData.Script)).Dispose();
        var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        using var anonymous = factory.NewBrowser();
        Expect.ShownAsText(await anonymous.OpenAsync($"/programmas/{id}"), title);
        Expect.ShownAsText(await anonymous.OpenAsync("/programmas"), title);
    }

    [Theory]
    [InlineData("/programmas/999999/bewerken")]
    [InlineData("/programmas/abc/bewerken")]
    public async Task Editing_an_unknown_programme_is_404(string url)
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        using (var response = await admin.GetAsync(url))
            Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await admin.PostAsync(url, new { Input_Title = "Bestaat niet" }))
            Expect.Status(HttpStatusCode.NotFound, response);
    }
}
