namespace Proeftuin.Tests.Projects;

/// <summary>/beheer: admins keep the list of themes.</summary>
public sealed class ThemeAdminTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private Task<bool> ThemeExistsAsync(string name) => factory.WithDbAsync(db => db.Themes.AnyAsync(t => t.Name == name));

    private static async Task<HttpResponseMessage> AddAsync(Browser admin, string name)
    {
        var page = await admin.OpenAsync("/beheer");
        return await admin.SubmitAsync(page.FormFor("Theme.Name"), [new("Theme.Name", name)]);
    }

    [Fact]
    public async Task Admin_sees_the_themes_and_adds_one()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        var page = await admin.OpenAsync("/beheer");
        Assert.Contains("eenzaamheid", page.MainText, StringComparison.Ordinal);
        var name = "wonen-" + Guid.NewGuid().ToString("N")[..6];
        using (var response = await AddAsync(admin, "  " + name.ToUpperInvariant() + " "))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await ThemeExistsAsync(name));
        Assert.Contains(name, (await admin.OpenAsync("/beheer")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_theme_names_get_Dutch_messages()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        var before = await factory.WithDbAsync(db => db.Themes.CountAsync());
        await Expect.FormErrorAsync(await AddAsync(admin, ""), "Vul de naam van het thema in.");
        await Expect.FormErrorAsync(await AddAsync(admin, TestData.Long()), "is te lang: maximaal 60 tekens.");
        await Expect.FormErrorAsync(await AddAsync(admin, "Armoede"), "Dit thema bestaat al.");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Themes.CountAsync()));
    }

    [Fact]
    public async Task Script_in_theme_name_is_shown_as_text()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        var name = "<script>alert(" + Random.Shared.Next(1000, 9999) + ")</script>";
        (await AddAsync(admin, name)).Dispose();
        Assert.True(await ThemeExistsAsync(name));
        var page = await admin.OpenAsync("/beheer");
        Expect.ShownAsText(page, name);
    }

    [Fact]
    public async Task Admin_removes_a_theme_and_projects_lose_it()
    {
        var name = "weg-" + Guid.NewGuid().ToString("N")[..6];
        var themeId = await factory.WithDbAsync(async db =>
        {
            var theme = new Theme { Name = name };
            db.Themes.Add(theme);
            await db.SaveChangesAsync();
            return theme.Id;
        });
        var projectId = await factory.Data.ProjectAsync();
        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Themes).SingleAsync(p => p.Id == projectId);
            project.Themes.Add(await db.Themes.SingleAsync(t => t.Id == themeId));
            return await db.SaveChangesAsync();
        });
        using var admin = await factory.SignInDemoAsync("beheerder");
        var page = await admin.OpenAsync("/beheer");
        var form = page.Forms.First(f => f.Action.Contains("handler=RemoveTheme", StringComparison.OrdinalIgnoreCase)
            && f.Fields.Any(x => x.Key == "themeId" && x.Value == themeId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var response = await admin.SubmitAsync(form))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await ThemeExistsAsync(name));
        Assert.Empty((await factory.Data.ProjectRowAsync(projectId)).Themes);
        using var anonymous = factory.NewBrowser();
        await anonymous.OpenAsync($"/projecten/{projectId}");
    }

    [Fact]
    public async Task Removing_an_unknown_theme_is_404()
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        using (var response = await admin.PostAsync("/beheer?handler=RemoveTheme", new { themeId = 999999 }))
            Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await admin.PostAsync("/beheer?handler=RemoveTheme", new { themeId = "abc" }))
            Expect.NotServerError(response, "malformed themeId");
    }

    [Fact]
    public async Task Non_admins_may_not()
    {
        var themeId = await factory.WithDbAsync(db => db.Themes.Where(t => t.Name == "armoede").Select(t => t.Id).SingleAsync());
        using (var anonymous = factory.NewBrowser())
        {
            using (var response = await anonymous.GetAsync("/beheer"))
                Expect.RedirectToSignIn(response, "/beheer");
            using (var response = await anonymous.PostAsync("/beheer?handler=AddTheme", [new("Theme.Name", "anoniem-thema"), new("Name", "anoniem-thema")]))
                Expect.RedirectToSignIn(response);
        }
        using var facilitator = await factory.SignInDemoAsync("procesbegeleider");
        using (var response = await facilitator.GetAsync("/beheer"))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await facilitator.PostAsync("/beheer?handler=AddTheme", [new("Theme.Name", "niet-toegestaan"), new("Name", "niet-toegestaan")]))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await facilitator.PostAsync("/beheer?handler=RemoveTheme", new { themeId }))
            Expect.Status(HttpStatusCode.Forbidden, response);
        Assert.False(await ThemeExistsAsync("anoniem-thema"));
        Assert.False(await ThemeExistsAsync("niet-toegestaan"));
        Assert.True(await ThemeExistsAsync("armoede"));
    }
}
