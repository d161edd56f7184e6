using System.Text;
using Proeftuin.Features.Audit;

namespace Proeftuin.Tests.Audit;

/// <summary>Issue 10, point 8: /beheer/logboek for admins and /projecten/{id}/logboek for a project's facilitators.</summary>
public sealed class AuditLogPageTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string Logboek = "/beheer/logboek";
    private static string ProjectLog(int id) => $"/projecten/{id}/logboek";

    private async Task<Browser> AdminAsync() => await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!);

    private Task AddAsync(params AuditEvent[] entries) =>
        factory.WithDbAsync(async db =>
        {
            db.AuditEvents.AddRange(entries);
            return await db.SaveChangesAsync();
        });

    private static AuditEvent Entry(AuditAction action, int? projectId = null, string? actor = null, string? actorKind = null, DateTime? at = null,
        string? subjectUserId = null, string? detail = null) =>
        new() { Action = action, ProjectId = projectId, ActorUserId = actor, ActorKind = actorKind, At = at ?? DateTime.UtcNow, SubjectUserId = subjectUserId, Detail = detail };

    [Fact]
    public async Task Only_admins_open_the_whole_log_and_the_admin_page_links_to_it()
    {
        using (var anonymous = factory.NewBrowser())
        {
            using var page = await anonymous.GetAsync(Logboek);
            Expect.RedirectToSignIn(page, Logboek);
            using var csv = await anonymous.GetAsync(Logboek + "?formaat=csv");
            Expect.RedirectToSignIn(csv, Logboek + "?formaat=csv");
        }
        var team = await factory.Data.TeamProjectAsync();
        foreach (var who in new[] { team.Member, team.Observer, team.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using var page = await browser.GetAsync(Logboek);
            Expect.Status(HttpStatusCode.Forbidden, page, who.DisplayName);
            using var csv = await browser.GetAsync(Logboek + "?formaat=csv");
            Expect.Status(HttpStatusCode.Forbidden, csv, who.DisplayName);
        }
        using var admin = await AdminAsync();
        var beheer = await admin.OpenAsync("/beheer");
        Assert.Contains(beheer.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == Logboek);
        Assert.Equal("Logboek", (await admin.OpenAsync(Logboek)).H1);
    }

    [Fact]
    public async Task Facilitators_see_their_projects_part_and_nobody_else_does()
    {
        var team = await factory.Data.TeamProjectAsync();
        var evaluator = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = evaluator.Id, Role = ProjectRole.Evaluator, Perspective = Perspective.Scientific, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var other = await factory.Data.TeamProjectAsync();
        var hidden = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var marker = "eigen" + Guid.NewGuid().ToString("N")[..8];
        var elsewhere = "ander" + Guid.NewGuid().ToString("N")[..8];
        await AddAsync(Entry(AuditAction.RoleChanged, team.Id, team.Facilitator.Id, detail: marker), Entry(AuditAction.RoleChanged, other.Id, other.Facilitator.Id, detail: elsewhere),
            Entry(AuditAction.SignedIn, null, team.Facilitator.Id, detail: elsewhere));

        using (var anonymous = factory.NewBrowser())
        using (var r = await anonymous.GetAsync(ProjectLog(team.Id)))
            Expect.RedirectToSignIn(r, ProjectLog(team.Id));
        foreach (var who in new[] { team.Member, team.Observer, evaluator, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using var r = await browser.GetAsync(ProjectLog(team.Id));
            Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
            using var csv = await browser.GetAsync(ProjectLog(team.Id) + "?formaat=csv");
            Expect.Status(HttpStatusCode.Forbidden, csv, who.DisplayName);
        }
        using (var outsider = await factory.SignInAsync(other.Facilitator.Email!))
        {
            using var r = await outsider.GetAsync(ProjectLog(hidden.Id));
            Expect.Status(HttpStatusCode.NotFound, r, "members-only project of someone else");
            using var none = await outsider.GetAsync(ProjectLog(999_999));
            Expect.Status(HttpStatusCode.NotFound, none, "no such project");
        }
        using (var member = await factory.SignInAsync(team.Member.Email!))
            Assert.DoesNotContain((await member.OpenAsync($"/projecten/{team.Id}/leden")).Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == ProjectLog(team.Id));

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var leden = await facilitator.OpenAsync($"/projecten/{team.Id}/leden");
        Assert.Contains(leden.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == ProjectLog(team.Id));
        var page = await facilitator.OpenAsync(ProjectLog(team.Id));
        Assert.Contains(marker, page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, page.MainText, StringComparison.Ordinal);
        Assert.Contains("Rol gewijzigd", page.MainText, StringComparison.Ordinal);
        Assert.Contains(team.Facilitator.DisplayName, page.MainText, StringComparison.Ordinal);
        // No project filter on a project's page: another project's id in the query changes nothing.
        Assert.DoesNotContain(elsewhere, (await facilitator.OpenAsync(ProjectLog(team.Id) + "?project=" + other.Id)).MainText, StringComparison.Ordinal);
        var csvText = await (await facilitator.GetAsync(ProjectLog(team.Id) + "?formaat=csv")).Content.ReadAsStringAsync();
        Assert.Contains(marker, csvText, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, csvText, StringComparison.Ordinal);

        using var admin = await AdminAsync();
        Assert.Contains(marker, (await admin.OpenAsync(ProjectLog(hidden.Id == 0 ? team.Id : team.Id))).MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync(ProjectLog(hidden.Id))).Status);
    }

    [Fact]
    public async Task Newest_first_fifty_a_page_with_filters_by_action_project_person_and_days()
    {
        var team = await factory.Data.TeamProjectAsync();
        var name = "Zoeknaam" + Guid.NewGuid().ToString("N")[..8];
        var person = await factory.Data.UserAsync(displayName: name);
        var start = new DateTime(2031, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        var entries = Enumerable.Range(0, 60).Select(i => Entry(AuditAction.InvitationSent, team.Id, team.Facilitator.Id, at: start.AddDays(i), detail: $"regel-{i:00}")).ToList();
        entries.Add(Entry(AuditAction.MemberRemoved, team.Id, team.Facilitator.Id, at: start.AddDays(10), subjectUserId: person.Id, detail: "weg-" + name));
        await AddAsync([.. entries]);
        using var admin = await AdminAsync();

        var first = await admin.OpenAsync($"{Logboek}?project={team.Id}");
        Assert.Contains("61 regels gevonden.", first.MainText, StringComparison.Ordinal);
        var rows = first.Document.QuerySelectorAll("tbody tr");
        Assert.Equal(50, rows.Length);
        Assert.Contains("regel-59", rows[0].TextContent, StringComparison.Ordinal);
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"project={team.Id}", next, StringComparison.Ordinal);
        var second = await admin.OpenAsync(next);
        Assert.Equal(11, second.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("regel-00", second.MainText, StringComparison.Ordinal);

        var byAction = await admin.OpenAsync($"{Logboek}?project={team.Id}&actie=MemberRemoved");
        Assert.Single(byAction.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Lid verwijderd uit project", byAction.MainText, StringComparison.Ordinal);
        Assert.Contains(name, byAction.MainText, StringComparison.Ordinal);

        var byPerson = await admin.OpenAsync($"{Logboek}?persoon={name.ToLowerInvariant()}");
        Assert.Single(byPerson.Document.QuerySelectorAll("tbody tr"));
        var byEmail = await admin.OpenAsync($"{Logboek}?persoon={Uri.EscapeDataString(person.Email!)}");
        Assert.Single(byEmail.Document.QuerySelectorAll("tbody tr"));

        // Days in Dutch time, both ends included: 1 March + 5..7 days.
        var byDays = await admin.OpenAsync($"{Logboek}?project={team.Id}&van=2031-03-06&tot=08-03-2031");
        Assert.Equal(3, byDays.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("regel-05", byDays.MainText, StringComparison.Ordinal);
        Assert.Contains("regel-07", byDays.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actors_are_shown_by_name_or_as_system_guest_key_holder_or_former_participant()
    {
        var team = await factory.Data.TeamProjectAsync();
        await AddAsync(Entry(AuditAction.RetentionApplied, team.Id, actorKind: ActorKinds.System, detail: "a"),
            Entry(AuditAction.ConsentChanged, team.Id, actorKind: ActorKinds.KeyHolder, detail: "b"),
            Entry(AuditAction.AccountErased, team.Id, actor: "verdwenen-account-id", detail: "c"),
            Entry(AuditAction.AccountErased, team.Id, detail: "d"));
        using var admin = await AdminAsync();
        var page = await admin.OpenAsync($"{Logboek}?project={team.Id}");
        var actors = page.Document.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim()).ToList();
        Assert.Equal(["Oud-deelnemer", "Oud-deelnemer", "Verteller met eigen link", "Proeftuin (automatisch)"], actors);
        Assert.DoesNotContain("verdwenen-account-id", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_download_of_the_filtered_list_opens_in_excel_and_defuses_formulas()
    {
        var team = await factory.Data.TeamProjectAsync();
        var sneaky = await factory.Data.UserAsync(displayName: "=HYPERLINK(\"x\")");
        await AddAsync(Entry(AuditAction.StoriesExported, team.Id, sneaky.Id, detail: "CSV-bestand, 3 verhalen"), Entry(AuditAction.RoleChanged, team.Id, team.Facilitator.Id, detail: "Rol: Deelnemer → Evaluator"));
        using var admin = await AdminAsync();
        var page = await admin.OpenAsync($"{Logboek}?project={team.Id}&actie=StoriesExported");
        var href = page.Document.QuerySelector("a[download]")!.GetAttribute("href")!;
        Assert.Contains("formaat=csv", href, StringComparison.Ordinal);
        using var response = await admin.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("wanneer,wie,wat,waarop,project,toelichting", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Verhalen gedownload", lines[1], StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Rol:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?van=31-13-2026", "Vul de datum in als dag-maand-jaar")]
    [InlineData("?tot=morgen", "Vul de datum in als dag-maand-jaar")]
    [InlineData("?van=0001-01-01", "Vul de datum in als dag-maand-jaar")]
    [InlineData("?van=2026-05-02&tot=2026-05-01", "ligt vóór de datum bij 'van'")]
    [InlineData("?actie=Koning", "Kies een soort actie uit de lijst.")]
    [InlineData("?actie=3", "Kies een soort actie uit de lijst.")]
    [InlineData("?actie=%3Cscript%3E", "Kies een soort actie uit de lijst.")]
    [InlineData("?project=abc", "Kies een project uit de lijst.")]
    [InlineData("?project=-4", "Kies een project uit de lijst.")]
    [InlineData("?van=31-13-2026&formaat=csv", "Vul de datum in als dag-maand-jaar")]
    public async Task Wrong_filters_get_a_dutch_message_and_a_400(string query, string message)
    {
        using var admin = await AdminAsync();
        using var response = await admin.GetAsync(Logboek + query);
        Expect.Status(HttpStatusCode.BadRequest, response, query);
        await Expect.FormErrorAsync(response, message);
    }

    [Fact]
    public async Task Huge_and_hostile_filter_text_is_refused_or_shown_as_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var admin = await AdminAsync();
        using (var huge = await admin.GetAsync(Logboek + "?persoon=" + TestData.Long(5000)))
        {
            Expect.Status(HttpStatusCode.BadRequest, huge, "huge");
            await Expect.FormErrorAsync(huge, "De naam of het e-mailadres is te lang");
        }
        var script = await admin.OpenAsync(Logboek + "?persoon=" + Uri.EscapeDataString(TestData.Script));
        Assert.Contains("0 regels gevonden.", script.MainText, StringComparison.Ordinal);
        Assert.Equal(TestData.Script, script.Document.QuerySelector("#persoon")!.GetAttribute("value"));
        Assert.DoesNotContain("<script>alert", script.Text, StringComparison.Ordinal);
        foreach (var query in new[] { "?pagina=-5", "?pagina=abc", "?pagina=99999999999", "?project=99999999", "?persoon=%25%27%22", "?actie=", "?formaat=pdf" })
        {
            using var r = await admin.GetAsync(Logboek + query);
            Expect.Status(HttpStatusCode.OK, r, query);
        }
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.GetAsync(ProjectLog(team.Id) + "?van=gisteren"))
            await Expect.FormErrorAsync(r, "Vul de datum in als dag-maand-jaar");
    }
}
