using Proeftuin.Features.Prototypes;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Prototypes;

/// <summary>An app with a small attachment limit, so "too large" is cheap to try.</summary>
public sealed class SmallAttachmentFactory : ProeftuinFactory
{
    public const int Limit = 4096;

    public SmallAttachmentFactory() => WithSetting("Prototypes:AttachmentMaxBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Bijlagen: images and PDFs, typed by their bytes, size-limited, served with the project's read rule.</summary>
public sealed class AttachmentTests(SmallAttachmentFactory factory) : IClassFixture<SmallAttachmentFactory>
{
    private async Task<(TeamProject Team, int Prototype)> PrototypeAsync(Visibility visibility = Visibility.Open)
    {
        var team = await factory.Data.TeamProjectAsync(visibility, Phase.Prototype);
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Zondagkoffie");
        return (team, await factory.PrototypeAsync(team.Id, "Zondagkoffie als rollenspel", team.Facilitator.Id, idea));
    }

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, int prototype, byte[] content, string fileName, string contentType, string alt = "Schets van de koffietafel")
    {
        var page = await browser.OpenAsync($"/prototypes/{prototype}/bijlagen");
        return await browser.SubmitAsync(page.FormFor("Input.AltText"), Fields.Of(new { Input_AltText = alt }), [new FileField("Input.File", fileName, contentType, content)]);
    }

    private Task<List<PrototypeAttachment>> RowsAsync(int prototype) =>
        factory.WithDbAsync(db => db.Set<PrototypeAttachment>().AsNoTracking().Where(a => a.PrototypeId == prototype).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Images_and_pdfs_are_kept_with_the_type_their_bytes_say_and_served_safely()
    {
        var (team, prototype) = await PrototypeAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var files = new (byte[] Content, string Name, string Claimed, string Type, int? Width, int? Height)[]
        {
            (PrototypeData.Png(), "schets.png", "image/png", "image/png", 640, 480),
            (PrototypeData.Jpeg(), "foto.jpeg", "image/jpeg", "image/jpeg", 800, 600),
            (PrototypeData.Gif(), "animatie.gif", "image/gif", "image/gif", 32, 16),
            (PrototypeData.WebP(), "plaatje.webp", "image/webp", "image/webp", 100, 50),
            // A PDF renamed .jpg (and claimed as an image) is a PDF: stored, named and served as one.
            (PrototypeData.Pdf(), "draaiboek.jpg", "image/jpeg", "application/pdf", null, null),
        };
        foreach (var f in files)
            using (var added = await UploadAsync(member, prototype, f.Content, f.Name, f.Claimed))
                Expect.Redirect(added, $"/prototypes/{prototype}/bijlagen");
        var rows = await RowsAsync(prototype);
        Assert.Equal(files.Select(f => f.Type), rows.Select(r => r.ContentType));
        Assert.Equal(files.Select(f => (f.Width, f.Height)), rows.Select(r => (r.Width, r.Height)));
        Assert.Equal("draaiboek.pdf", rows[^1].FileName);
        Assert.All(rows, r => Assert.Equal(team.Member.Id, r.UploadedById));

        // The page shows images scaled, with the alt text and the size read from the header; the PDF as a link.
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/prototypes/{prototype}");
        var png = page.Document.QuerySelector($"#bijlagen-sectie img[src='/bijlagen/{rows[0].Id}']")!;
        Assert.Equal("Schets van de koffietafel", png.GetAttribute("alt"));
        Assert.Equal("640", png.GetAttribute("width"));
        Assert.Equal("480", png.GetAttribute("height"));
        Assert.Contains("pt-attachment__image", png.ClassName, StringComparison.Ordinal);
        Assert.Equal(4, page.Document.QuerySelectorAll("#bijlagen-sectie img").Length);
        Assert.Contains(page.Document.QuerySelectorAll("#bijlagen-sectie a"), a => a.GetAttribute("href") == $"/bijlagen/{rows[^1].Id}" && a.TextContent == "draaiboek.pdf");

        using (var image = await anonymous.GetAsync($"/bijlagen/{rows[0].Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("inline", image.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(PrototypeData.Png(), await image.Content.ReadAsByteArrayAsync());
        }
        using (var pdf = await anonymous.GetAsync($"/bijlagen/{rows[^1].Id}"))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("draaiboek.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal("nosniff", pdf.Headers.GetValues("X-Content-Type-Options").Single());
        }

        // The team removes one.
        var list = await member.OpenAsync($"/prototypes/{prototype}/bijlagen");
        using (var removed = await member.SubmitAsync(list.Forms.First(f => f.Action.Contains("handler=Remove", StringComparison.Ordinal)), new { }))
            Expect.Redirect(removed, $"/prototypes/{prototype}/bijlagen");
        Assert.Equal(4, (await RowsAsync(prototype)).Count);
        using (var gone = await anonymous.GetAsync($"/bijlagen/{rows[0].Id}")) Expect.Status(HttpStatusCode.NotFound, gone);
    }

    [Fact]
    public async Task Disguised_empty_oversized_and_undescribed_files_are_refused_and_nothing_is_stored()
    {
        var (team, prototype) = await PrototypeAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var cases = new (byte[] Content, string Name, string Type, string Alt, string Message)[]
        {
            (PrototypeData.Html(), "plaatje.png", "image/png", "Iets", "Dit bestand is geen afbeelding (PNG, JPEG, WebP of GIF) en geen PDF."),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "logo.svg", "image/svg+xml", "Iets", "Dit bestand is geen afbeelding"),
            ("MZ\u0090\u0000"u8.ToArray(), "setup.pdf", "application/pdf", "", "Dit bestand is geen afbeelding"),
            ([], "leeg.png", "image/png", "Iets", "Kies een bestand"),
            ([.. PrototypeData.Png(), .. new byte[SmallAttachmentFactory.Limit]], "groot.png", "image/png", "Iets", "Het bestand is te groot: maximaal 4 kB."),
            (PrototypeData.Png(), "schets.png", "image/png", "", "Beschrijf wat er op de afbeelding staat"),
            (PrototypeData.Png(), "schets.png", "image/png", TestData.Long(301), "is te lang: maximaal 300 tekens."),
        };
        foreach (var c in cases)
        {
            var response = await UploadAsync(member, prototype, c.Content, c.Name, c.Type, c.Alt);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await Expect.FormErrorAsync(response, c.Message);
        }
        // No file at all (what a form sweep sends: text only).
        var page = await member.OpenAsync($"/prototypes/{prototype}/bijlagen");
        var none = await member.SubmitAsync(page.FormFor("Input.AltText"), new { Input_AltText = "Alleen tekst" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        await Expect.FormErrorAsync(none, "Kies een bestand");
        // Far beyond the limit: refused before the body is read.
        using (var huge = await member.PostAsync($"/prototypes/{prototype}/bijlagen", [new("Input.AltText", "Groot")], [new FileField("Input.File", "enorm.png", "image/png", [.. PrototypeData.Png(), .. new byte[200_000]])]))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            Assert.Contains("te groot", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await RowsAsync(prototype));
        // A PDF needs no description.
        using (var pdf = await UploadAsync(member, prototype, PrototypeData.Pdf(), "plan.pdf", "application/pdf", "")) Expect.Redirect(pdf, $"/prototypes/{prototype}/bijlagen");
    }

    [Fact]
    public async Task Only_the_team_adds_and_removes_and_only_readers_of_the_project_open_them()
    {
        var (team, prototype) = await PrototypeAsync(Visibility.MembersOnly);
        var attachment = await factory.WithDbAsync(async db =>
        {
            var a = new PrototypeAttachment { PrototypeId = prototype, FileName = "geheim.png", ContentType = "image/png", Content = PrototypeData.Png(), Size = 64, AltText = "Geheim", UploadedAt = DateTime.UtcNow };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var other = await factory.Data.TeamProjectAsync();
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var stranger = await factory.SignInAsync(other.Facilitator.Email!);
        using var anonymous = factory.NewBrowser();
        using (var add = await observer.PostAsync($"/prototypes/{prototype}/bijlagen", [new("Input.AltText", "x")], [new FileField("Input.File", "x.png", "image/png", PrototypeData.Png())]))
            Expect.Status(HttpStatusCode.Forbidden, add);
        using (var remove = await observer.PostAsync($"/prototypes/{prototype}/bijlagen?handler=Remove", new { attachmentId = attachment })) Expect.Status(HttpStatusCode.Forbidden, remove);
        using (var remove = await stranger.PostAsync($"/prototypes/{prototype}/bijlagen?handler=Remove", new { attachmentId = attachment })) Expect.Status(HttpStatusCode.NotFound, remove);
        using (var get = await observer.GetAsync($"/bijlagen/{attachment}")) Expect.Status(HttpStatusCode.OK, get);
        foreach (var browser in new[] { stranger, anonymous })
            using (var get = await browser.GetAsync($"/bijlagen/{attachment}")) Expect.Status(HttpStatusCode.NotFound, get);
        Assert.Single(await RowsAsync(prototype));
        using (var missing = await observer.GetAsync("/bijlagen/999999")) Expect.Status(HttpStatusCode.NotFound, missing);
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "image/png", "passwd.png")]
    [InlineData("C:\\Users\\ans\\Mijn schets.PNG", "image/png", "Mijn schets.png")]
    [InlineData("plan.jpg", "application/pdf", "plan.pdf")]
    [InlineData("\u202Egnp.exe", "image/png", "gnp.png")]
    [InlineData("", "image/gif", "bijlage.gif")]
    [InlineData("...", "image/webp", "bijlage.webp")]
    public void File_names_keep_no_folders_or_hidden_marks_and_end_in_what_the_file_is(string uploaded, string type, string expected) =>
        Assert.Equal(expected, AddAttachment.CleanName(uploaded, new DetectedFile(type, null, null)));

    [Fact]
    public void The_type_comes_from_the_first_bytes_only()
    {
        Assert.Equal(("image/png", 640, 480), Tuple(AttachmentTypes.Detect(PrototypeData.Png())));
        Assert.Equal(("image/jpeg", 800, 600), Tuple(AttachmentTypes.Detect(PrototypeData.Jpeg())));
        Assert.Equal(("image/gif", 32, 16), Tuple(AttachmentTypes.Detect(PrototypeData.Gif())));
        Assert.Equal(("image/webp", 100, 50), Tuple(AttachmentTypes.Detect(PrototypeData.WebP())));
        Assert.Equal(("application/pdf", null, null), Tuple(AttachmentTypes.Detect(PrototypeData.Pdf())));
        Assert.Null(AttachmentTypes.Detect(PrototypeData.Html()));
        Assert.Null(AttachmentTypes.Detect("  %PDF-1.4"u8));
        Assert.Null(AttachmentTypes.Detect([0x89, 0x50, 0x4E]));
        Assert.Null(AttachmentTypes.Detect([]));
        // A JPEG whose header cannot be read is still a JPEG, without a size.
        Assert.Equal(("image/jpeg", null, null), Tuple(AttachmentTypes.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0x00])));
    }

    private static (string, int?, int?) Tuple(DetectedFile? f) => f is null ? ("", null, null) : (f.ContentType, f.Width, f.Height);
}
