using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Tests.Privacy;

/// <summary>Issue 10, point 6: "Download mijn gegevens" on /account, built in the background, mailed as an expiring link.</summary>
public sealed class PersonalDataExportTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string LinkPrefix = "/account/gegevens/";

    /// <summary>Asks for the export on /account as a browser would, waits for the worker, and returns the mailed link.</summary>
    private async Task<string> RequestAndWaitAsync(Browser browser, string email)
    {
        var account = await browser.OpenAsync("/account");
        using (var response = await browser.SubmitAsync(account.FormWithAction("handler=Export")))
            Expect.Redirect(response, "/account#gegevens");
        var userId = await factory.Data.UserIdAsync(email);
        for (var i = 0; i < 200; i++)
        {
            var status = await factory.WithDbAsync(db => db.Set<PersonalDataExport>().Where(e => e.UserId == userId).OrderByDescending(e => e.Id).Select(e => e.Status).FirstAsync());
            try
            {
                if (status == ExportStatus.Done && factory.Mailbox.To(email).Any(m => Mailbox.ExtractLink(m.TextBody ?? "", LinkPrefix) is not null))
                    return factory.Mailbox.LinkTo(email, LinkPrefix);
            }
            catch (IOException) { /* the worker is still writing the mail */ }
            Assert.NotEqual(ExportStatus.Failed, status);
            await Task.Delay(100);
        }
        throw new TimeoutException("The export was not built within 20 seconds.");
    }

    private static Dictionary<string, string> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }

    [Fact]
    public async Task The_export_holds_every_contributors_section_and_nothing_of_anyone_else()
    {
        var s = await PrivacyScenario.CreateAsync(factory);
        using var browser = await factory.SignInAsync(s.Person.Email!);

        var link = await RequestAndWaitAsync(browser, s.Person.Email!);
        using var response = await browser.GetAsync(link);
        Expect.Status(HttpStatusCode.OK, response);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var files = Unzip(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal([PersonalDataFiles.JsonName, PersonalDataFiles.HtmlName], files.Keys.Order(StringComparer.Ordinal));
        var json = files[PersonalDataFiles.JsonName];
        var html = files[PersonalDataFiles.HtmlName];

        // Every contributor has its section, in both files.
        using var doc = JsonDocument.Parse(json);
        var sections = doc.RootElement.GetProperty("onderdelen");
        var keys = await ContributorKeysAsync(s);
        Assert.True(keys.Count >= 11, $"Only {keys.Count} contributors");
        foreach (var key in keys)
        {
            Assert.True(sections.TryGetProperty(key, out _), $"No section '{key}' in gegevens.json");
            Assert.Contains($"id=\"{key}\"", html, StringComparison.Ordinal);
        }
        // Everything of mine: stories in every scope (with consent history and signification), comments, post-its, stips, and the rest.
        foreach (var mine in new[] { s.PersonTeamText, s.PersonProjectText, s.PersonPublicText, s.PersonComment, s.PersonNote, s.PersonInsight,
            s.Person.Email!, s.Person.DisplayName, $"Melding {s.Marker}", $"Nieuws {s.Marker}", $"Reden {s.Marker}", s.ProjectTitle })
        {
            Assert.Contains(mine, json, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(mine), html, StringComparison.Ordinal);
        }
        Assert.Contains("\"c1\": \"" + s.Marker + "\"", json, StringComparison.Ordinal);
        Assert.Contains("Geschiedenis van de toestemming", json, StringComparison.Ordinal);
        Assert.Contains("Stip", json, StringComparison.Ordinal);
        Assert.Contains("RoleChanged", json, StringComparison.Ordinal);
        Assert.Equal(3, sections.GetProperty("verhalen").GetProperty("gegevens").GetArrayLength());
        // Nothing of the other member: not their name, address, story, comment or post-it.
        foreach (var theirs in s.OtherTraces)
        {
            Assert.DoesNotContain(theirs, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(theirs, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(s.Facilitator.DisplayName, json, StringComparison.Ordinal);
        // Self-contained: no scripts, nothing loaded from elsewhere.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);

        // The download is in the audit log, about this person.
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.PersonalDataExported && e.SubjectUserId == s.Person.Id && e.ActorUserId == s.Person.Id)));
        // The account page says it is ready.
        var account = await browser.OpenAsync("/account");
        Assert.Contains("Klaar. We hebben je een e-mail gestuurd", account.MainText, StringComparison.Ordinal);
    }

    private async Task<List<string>> ContributorKeysAsync(PrivacyScenario s)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var person = new PersonRef(s.Person.Id, s.Person.Email, s.Person.DisplayName);
        var keys = new List<string>();
        foreach (var c in scope.ServiceProvider.GetServices<IPersonalDataContributor>())
            keys.Add((await c.ExportAsync(person, default)).Key);
        return keys;
    }

    [Fact]
    public async Task The_link_works_only_for_the_signed_in_person_and_expires_after_seven_days()
    {
        var person = await factory.Data.UserAsync();
        var other = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(person.Email!);
        var link = await RequestAndWaitAsync(browser, person.Email!);

        // Signed out: sign in first, then back to the link.
        using (var anonymous = factory.NewBrowser())
        using (var response = await anonymous.GetAsync(link))
            Expect.RedirectToSignIn(response);
        // Another account with the same link: not found, as if it did not exist.
        using (var stranger = await factory.SignInAsync(other.Email!))
        using (var response = await stranger.GetAsync(link))
            Expect.Status(HttpStatusCode.NotFound, response);
        // A wrong or malformed token, a wrong id: not found.
        var id = link[LinkPrefix.Length..].Split('?')[0];
        foreach (var wrong in new[] { $"{LinkPrefix}{id}?token={new string('A', 43)}", $"{LinkPrefix}{id}?token=<script>", $"{LinkPrefix}{id}", $"{LinkPrefix}999999?{link.Split('?')[1]}" })
            using (var response = await browser.GetAsync(wrong))
                Expect.Status(HttpStatusCode.NotFound, response);

        using (var ok = await browser.GetAsync(link))
            Expect.Status(HttpStatusCode.OK, ok);

        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var expired = await browser.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains(ExportPersonalData.Expired, expired.MainText, StringComparison.Ordinal);
        // The worker deletes the file itself.
        var worker = factory.Services.GetServices<IHostedService>().OfType<ExportWorker>().Single();
        await worker.DeleteExpiredAsync(default);
        var row = await factory.WithDbAsync(db => db.Set<PersonalDataExport>().AsNoTracking().Where(e => e.UserId == person.Id).SingleAsync());
        Assert.Null(row.Content);
        Assert.Equal(ExportStatus.Expired, row.Status);
        var account = await browser.OpenAsync("/account");
        Assert.Contains("Je vorige bestand is weggegooid", account.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_account_page_shows_progress_and_refreshes_without_javascript()
    {
        var person = await factory.Data.UserAsync();
        // Queued by hand (the worker is not woken), so the page shows the waiting state.
        await factory.WithDbAsync(async db =>
        {
            db.Set<PersonalDataExport>().Add(new PersonalDataExport { UserId = person.Id, Status = ExportStatus.Queued, RequestedAt = factory.Clock.GetUtcNow().UtcDateTime, LinkBase = "http://localhost", Attempts = 3 });
            return await db.SaveChangesAsync();
        });
        using var browser = await factory.SignInAsync(person.Email!);
        var page = await browser.OpenAsync("/account");
        Assert.Contains("In de wachtrij", page.MainText, StringComparison.Ordinal);
        var status = page.Document.QuerySelector("#export-status")!;
        Assert.Equal("/account?handler=ExportStatus", status.GetAttribute("hx-get"));
        Assert.Contains(status.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/account#gegevens" && a.TextContent.Trim() == "Vernieuwen");
        // No second request while one is waiting.
        Assert.DoesNotContain(page.Forms, f => f.Action.Contains("handler=Export", StringComparison.Ordinal));
        using var partial = await browser.GetAsync("/account?handler=ExportStatus");
        Expect.Status(HttpStatusCode.OK, partial);
        Assert.Contains("In de wachtrij", await partial.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Asking again by a crafted POST changes nothing.
        using (var again = await browser.PostAsync("/account?handler=Export"))
            Expect.Redirect(again, "/account#gegevens");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<PersonalDataExport>().CountAsync(e => e.UserId == person.Id)));
        // Signed out: the handlers want a sign-in.
        using var anonymous = factory.NewBrowser();
        using (var response = await anonymous.PostAsync("/account?handler=Export"))
            Expect.RedirectToSignIn(response);
    }
}
