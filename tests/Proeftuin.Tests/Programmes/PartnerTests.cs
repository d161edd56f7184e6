namespace Proeftuin.Tests.Programmes;

public sealed class PartnerTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];
    private static readonly byte[] Gif = "GIF89a\x01\x00\x01\x00\x00\x00\x00;"u8.ToArray();
    private static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    private async Task<int> NewProgrammeAsync()
    {
        return await factory.WithDbAsync(async db =>
        {
            var p = new Proeftuin.Features.Programmes.Programme { Title = "Partnerprogramma " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTime.UtcNow };
            db.Programmes.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
    }

    /// <summary>Multipart POST to the AddPartner handler of this programme's edit page.</summary>
    private static Task<HttpResponseMessage> AddPartnerAsync(Browser admin, int programmeId, string? name, string? url, FileField? logo) =>
        admin.PostAsync($"/programmas/{programmeId}/bewerken?handler=AddPartner", [new("Partner.Name", name ?? ""), new("Partner.Url", url ?? "")], logo is null ? [] : [logo]);

    [Fact]
    public async Task Partner_forms_on_the_edit_page_post_to_this_programme()
    {
        var programmeId = await NewProgrammeAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Partners.Add(new Proeftuin.Features.Programmes.Partner { ProgrammeId = programmeId, Name = "Bestaande partner" });
            return await db.SaveChangesAsync();
        });
        using var admin = await factory.SignInDemoAsync("beheerder");
        var page = await admin.OpenAsync($"/programmas/{programmeId}/bewerken");
        var add = page.FormFor("Partner.Name");
        Assert.Equal("multipart/form-data", add.Enctype);
        Assert.Equal($"/programmas/{programmeId}/bewerken?handler=AddPartner", add.Action);
        Assert.Equal($"/programmas/{programmeId}/bewerken?handler=RemovePartner", page.FormFor("partnerId").Action);

        // And submitting the form as shown adds the partner.
        using var response = await admin.SubmitAsync(add, [new("Partner.Name", "Via het formulier")], [new FileField("Partner.Logo", "logo.png", "image/png", Png)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Partners.AnyAsync(p => p.ProgrammeId == programmeId && p.Name == "Via het formulier")));
    }

    private Task<int> PartnerCountAsync(int programmeId) => factory.WithDbAsync(db => db.Partners.CountAsync(p => p.ProgrammeId == programmeId));

    [Fact]
    public async Task Admin_adds_a_partner_with_a_PNG_logo_that_is_served_back()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        using (var response = await AddPartnerAsync(admin, programmeId, "Wijkteam Hatert", "https://www.example.nl/", new FileField("Partner.Logo", "logo.png", "image/png", Png)))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var partner = await factory.WithDbAsync(db => db.Partners.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId));
        Assert.Equal("Wijkteam Hatert", partner.Name);
        Assert.Equal("image/png", partner.LogoContentType);

        using var anonymous = factory.NewBrowser();
        using var logo = await anonymous.GetAsync($"/partners/{partner.Id}/logo");
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());

        var page = await anonymous.OpenAsync($"/programmas/{programmeId}");
        Assert.Contains("Wijkteam Hatert", page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("img"), i => i.GetAttribute("src") == $"/partners/{partner.Id}/logo" && i.HasAttribute("alt"));
    }

    [Fact]
    public async Task Jpeg_logo_and_no_logo_are_accepted()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        (await AddPartnerAsync(admin, programmeId, "Met JPEG", "", new FileField("Partner.Logo", "logo.jpg", "image/jpeg", Jpeg))).Dispose();
        (await AddPartnerAsync(admin, programmeId, "Zonder logo", "", null)).Dispose();
        var partners = await factory.WithDbAsync(db => db.Partners.AsNoTracking().Where(p => p.ProgrammeId == programmeId).ToListAsync());
        Assert.Equal("image/jpeg", partners.Single(p => p.Name == "Met JPEG").LogoContentType);
        Assert.Null(partners.Single(p => p.Name == "Zonder logo").Logo);
    }

    public static TheoryData<string, string, byte[]> WrongFiles => new()
    {
        { "logo.gif", "image/gif", Gif },
        { "logo.svg", "image/svg+xml", Svg },
        // A script named .png and sent as image/png: the bytes decide.
        { "logo.png", "image/png", "<script>alert(1)</script>"u8.ToArray() },
        { "logo.exe", "application/octet-stream", [0x4D, 0x5A, 0x90, 0x00, 0x03] },
    };

    [Theory]
    [MemberData(nameof(WrongFiles))]
    public async Task Wrong_file_type_is_refused_in_Dutch(string fileName, string contentType, byte[] bytes)
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, "Foute partner", "", new FileField("Partner.Logo", fileName, contentType, bytes)),
            "Het logo moet een PNG-, JPEG- of WebP-afbeelding zijn.");
        Assert.Equal(0, await PartnerCountAsync(programmeId));
    }

    [Fact]
    public async Task Too_large_logo_is_refused_in_Dutch()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        var big = new byte[600 * 1024];
        Png.CopyTo(big, 0);
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, "Grote partner", "", new FileField("Partner.Logo", "groot.png", "image/png", big)),
            "Het logo is te groot: maximaal 512 kB.");
        Assert.Equal(0, await PartnerCountAsync(programmeId));
    }

    [Fact]
    public async Task Upload_of_several_megabytes_gets_the_same_Dutch_message()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        var huge = new byte[3 * 1024 * 1024];
        Png.CopyTo(huge, 0);
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, "Enorme partner", "", new FileField("Partner.Logo", "enorm.png", "image/png", huge)),
            "Het logo is te groot: maximaal 512 kB.");
        Assert.Equal(0, await PartnerCountAsync(programmeId));
    }

    [Fact]
    public async Task Bad_name_and_link_are_refused_in_Dutch()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, "", "", null), "Vul de naam van de partner in.");
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, TestData.Long(), "", null), "is te lang");
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, "Partner", "javascript:alert(1)", null), "Vul een geldig webadres in");
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, "Partner", "geen link", null), "Vul een geldig webadres in");
        await Expect.FormErrorAsync(await AddPartnerAsync(admin, programmeId, "Partner", "https://example.nl/" + TestData.Long(), null), "Vul een geldig webadres in");
        Assert.Equal(0, await PartnerCountAsync(programmeId));
    }

    [Fact]
    public async Task Script_in_partner_name_is_shown_as_text()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        (await AddPartnerAsync(admin, programmeId, TestData.Script, "", null)).Dispose();
        using var anonymous = factory.NewBrowser();
        Expect.ShownAsText(await anonymous.OpenAsync($"/programmas/{programmeId}"));
    }

    [Fact]
    public async Task Admin_removes_a_partner()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        (await AddPartnerAsync(admin, programmeId, "Weg ermee", "", null)).Dispose();
        var partnerId = await factory.WithDbAsync(db => db.Partners.Where(p => p.ProgrammeId == programmeId).Select(p => p.Id).SingleAsync());
        using (var response = await admin.PostAsync($"/programmas/{programmeId}/bewerken?handler=RemovePartner", new { partnerId }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await PartnerCountAsync(programmeId));
    }

    [Fact]
    public async Task Removing_a_partner_of_another_programme_or_unknown_is_refused()
    {
        var programmeId = await NewProgrammeAsync();
        var otherId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        (await AddPartnerAsync(admin, programmeId, "Blijft", "", null)).Dispose();
        var partnerId = await factory.WithDbAsync(db => db.Partners.Where(p => p.ProgrammeId == programmeId).Select(p => p.Id).SingleAsync());
        using (var response = await admin.PostAsync($"/programmas/{otherId}/bewerken?handler=RemovePartner", new { partnerId }))
            Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await admin.PostAsync($"/programmas/{programmeId}/bewerken?handler=RemovePartner", new { partnerId = "abc" }))
            Expect.NotServerError(response, "malformed partnerId");
        Assert.Equal(1, await PartnerCountAsync(programmeId));
    }

    [Fact]
    public async Task Non_admins_cannot_add_or_remove_partners()
    {
        var programmeId = await NewProgrammeAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        (await AddPartnerAsync(admin, programmeId, "Blijft staan", "", null)).Dispose();
        var partnerId = await factory.WithDbAsync(db => db.Partners.Where(p => p.ProgrammeId == programmeId).Select(p => p.Id).SingleAsync());

        using var facilitator = await factory.SignInDemoAsync("procesbegeleider");
        using (var response = await facilitator.PostAsync($"/programmas/{programmeId}/bewerken?handler=AddPartner",
                   [new("Partner.Name", "Ingebroken")], [new FileField("Partner.Logo", "logo.png", "image/png", Png)]))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await facilitator.PostAsync($"/programmas/{programmeId}/bewerken?handler=RemovePartner", new { partnerId }))
            Expect.Status(HttpStatusCode.Forbidden, response);

        using var anonymous = factory.NewBrowser();
        using (var response = await anonymous.PostAsync($"/programmas/{programmeId}/bewerken?handler=RemovePartner", new { partnerId }))
            Expect.RedirectToSignIn(response);
        var names = await factory.WithDbAsync(db => db.Partners.Where(p => p.ProgrammeId == programmeId).Select(p => p.Name).ToListAsync());
        Assert.Equal(["Blijft staan"], names);
    }
}
