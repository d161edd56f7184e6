using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Tests.Privacy;

/// <summary>Issue 10, point 7: "Account verwijderen" by the person (confirmed by a mailed link) or by an admin on request.</summary>
public sealed class AccountErasureTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string Erase = "/account/verwijderen";
    private const string Confirm = "/account/verwijderen/bevestigen";

    /// <summary>Chooses per story on the page, sends, and returns the mailed confirmation link.</summary>
    private async Task<string> RequestAsync(Browser browser, string email, IReadOnlyDictionary<int, string> choices)
    {
        var page = await browser.OpenAsync(Erase);
        var form = page.FormFor("Choices[" + choices.Keys.First() + "]");
        using var response = await browser.SubmitAsync(form, choices.Select(c => new KeyValuePair<string, string>($"Choices[{c.Key}]", c.Value)));
        var sent = await HtmlPage.ReadAsync(response, Erase);
        Assert.True(sent.Status == HttpStatusCode.OK, sent.ErrorText);
        Assert.Contains("Kijk in je e-mail", sent.MainText, StringComparison.Ordinal);
        return factory.Mailbox.LinkTo(email, Confirm);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(Browser browser, string link)
    {
        var page = await browser.OpenAsync(link);
        return await browser.SubmitAsync(page.FormFor("token"));
    }

    private byte[] DatabaseBytes()
    {
        var path = Path.Combine(factory.DataDirectory, "proeftuin.db");
        using var buffer = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(buffer);
        }
        return buffer.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    [Fact]
    public async Task Erasure_leaves_no_trace_of_the_person_keeps_what_they_chose_and_keeps_votes_counted()
    {
        var s = await PrivacyScenario.CreateAsync(factory);
        var votesBefore = await factory.WithDbAsync(db => db.Votes.CountAsync(v => v.SessionId == s.SessionId));
        using var browser = await factory.SignInAsync(s.Person.Email!);
        if (!ProeftuinFactory.IsPostgres)
            Assert.True(Contains(DatabaseBytes(), s.PersonTeamText), "The test must see the text in the file before erasure");

        var link = await RequestAsync(browser, s.Person.Email!, new Dictionary<int, string>
        {
            [s.TeamStoryId] = "Withdraw",
            [s.ProjectStoryId] = "KeepAnonymised",
            [s.PublicStoryId] = "Withdraw",
        });
        // Nothing happened yet: only the request is recorded.
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == s.Person.Id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.AccountErasureRequested && e.SubjectUserId == s.Person.Id)));

        using (var confirmed = await ConfirmAsync(browser, link))
            Expect.Redirect(confirmed, "/account/verwijderd");
        var done = await browser.OpenAsync("/account/verwijderd");
        Assert.Equal("Je account is verwijderd", done.H1);
        // Signed out.
        using (var account = await browser.GetAsync("/account"))
            Expect.RedirectToSignIn(account);

        // The account row is gone (no tombstone), and so is every id of it.
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == s.Person.Id));
            Assert.False(await db.Memberships.AnyAsync(m => m.UserId == s.Person.Id));
            Assert.False(await db.Items.AnyAsync(i => i.AuthorId == s.Person.Id));
            Assert.False(await db.Comments.AnyAsync(c => c.AuthorId == s.Person.Id));
            Assert.False(await db.AuditEvents.AnyAsync(e => e.ActorUserId == s.Person.Id || e.SubjectUserId == s.Person.Id));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditAction.AccountErased && e.ActorKind == EraseAccount.ErasedActor));
            // Withdrawn: erased as "Verhaal intrekken" does. Kept: the text stays, nothing leads to the teller.
            var team = await db.Stories.AsNoTracking().SingleAsync(x => x.Id == s.TeamStoryId);
            Assert.True(team.IsWithdrawn);
            Assert.Equal("", team.Text);
            var kept = await db.Stories.AsNoTracking().SingleAsync(x => x.Id == s.ProjectStoryId);
            Assert.False(kept.IsWithdrawn);
            Assert.Equal(s.PersonProjectText, kept.Text);
            Assert.Null(kept.TellerId);
            Assert.Null(kept.TellerName);
            Assert.Null(kept.ConsentById);
            // Votes still count, from a seat without a person.
            Assert.Equal(votesBefore, await db.Votes.CountAsync(v => v.SessionId == s.SessionId));
            var seats = await db.Participants.AsNoTracking().Where(p => p.SessionId == s.SessionId).ToListAsync();
            Assert.Contains(seats, p => p.UserId == null && p.DisplayName == FormerMember.Name);
            Assert.Equal(s.PersonNote, (await db.Notes.AsNoTracking().SingleAsync(n => n.Text == s.PersonNote)).Text);
            return 0;
        });

        // What the team sees: the kept story without a name; comments as "Oud-deelnemer".
        using var other = await factory.SignInAsync(s.Other.Email!);
        var story = await other.OpenAsync($"/verhalen/{s.ProjectStoryId}");
        Assert.Contains(s.PersonProjectText, story.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Person.DisplayName, story.Text, StringComparison.Ordinal);
        var insight = await other.OpenAsync($"/draad/{s.InsightId}");
        Assert.Contains(s.PersonComment, insight.MainText, StringComparison.Ordinal);
        Assert.Contains("Oud-deelnemer", insight.MainText, StringComparison.Ordinal);
        using (var gone = await other.GetAsync($"/verhalen/{s.TeamStoryId}"))
            Assert.NotEqual(HttpStatusCode.OK, gone.StatusCode);

        // No trace in the other member's export.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var person = new PersonRef(s.Other.Id, s.Other.Email, s.Other.DisplayName);
            var sections = new List<PersonalDataSection>();
            foreach (var c in scope.ServiceProvider.GetServices<IPersonalDataContributor>())
                sections.Add(await c.ExportAsync(person, default));
            var json = Encoding.UTF8.GetString(PersonalDataFiles.JsonBytes(person, DateTime.UtcNow, sections));
            foreach (var trace in new[] { s.Marker, s.Person.DisplayName, s.Person.Email!, s.PersonTeamText, s.PersonPublicText })
                Assert.DoesNotContain(trace, json, StringComparison.OrdinalIgnoreCase);
        }

        // No trace in the database file or its write-ahead log (SQLite; PostgreSQL's files are not ours to read).
        if (!ProeftuinFactory.IsPostgres)
        {
            var bytes = DatabaseBytes();
            foreach (var trace in new[] { s.Person.DisplayName, s.Person.Email!, s.Person.Email!.ToUpperInvariant(), s.PersonTeamText, s.PersonPublicText, $"Naam{s.Marker}" })
                Assert.False(Contains(bytes, trace), $"\"{trace}\" is still in the database file");
            Assert.True(Contains(bytes, s.PersonProjectText), "The story kept without a name must still be there");
            Assert.True(Contains(bytes, s.OtherStoryText), "Someone else's story must still be there");
        }
    }

    [Fact]
    public async Task The_last_facilitator_must_hand_over_first_and_nothing_changes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var title = (await factory.Data.ProjectRowAsync(team.Id)).Title;
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await browser.OpenAsync(Erase);
        Assert.Contains($"Je bent de enige procesbegeleider van: {title}.", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Forms, f => f.Method == "post" && f.Action.Contains(Erase, StringComparison.Ordinal));
        // A crafted POST gets the same message, and nothing is mailed or stored.
        using (var response = await browser.PostAsync(Erase))
            await Expect.FormErrorAsync(response, "Je bent de enige procesbegeleider van: " + title);
        Assert.DoesNotContain(factory.Mailbox.To(team.Facilitator.Email!), m => (m.Subject ?? "").Contains("verwijderen", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Set<AccountErasureRequest>().AnyAsync(r => r.UserId == team.Facilitator.Id)));

        // The admin path follows the same rule.
        using var admin = await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!);
        var adminPage = await admin.OpenAsync("/beheer/mensen/verwijderen?userId=" + team.Facilitator.Id);
        Assert.Contains("de enige procesbegeleider van: " + title, adminPage.MainText, StringComparison.Ordinal);
        using (var response = await admin.PostAsync("/beheer/mensen/verwijderen", new { userId = team.Facilitator.Id, Reason = "Telefonisch verzoek" }))
            await Expect.FormErrorAsync(response, "de enige procesbegeleider van: " + title);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == team.Facilitator.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == team.Facilitator.Id)));
    }

    [Fact]
    public async Task The_link_is_only_for_that_person_expires_and_works_once()
    {
        var person = await factory.Data.UserAsync();
        var stranger = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(person.Email!);
        var page = await browser.OpenAsync(Erase);
        using (var response = await browser.SubmitAsync(page.Forms.Single(f => f.Method == "post" && f.Action.Contains(Erase, StringComparison.Ordinal))))
            Expect.Status(HttpStatusCode.OK, response);
        var link = factory.Mailbox.LinkTo(person.Email!, Confirm);

        // Signed out: sign in first.
        using (var anonymous = factory.NewBrowser())
        using (var response = await anonymous.GetAsync(link))
            Expect.RedirectToSignIn(response);
        // Another account: the link does not work for them, and erases nobody.
        using (var other = await factory.SignInAsync(stranger.Email!))
        {
            var shown = await other.GetPageAsync(link);
            Assert.Equal(HttpStatusCode.BadRequest, shown.Status);
            Assert.Contains(EraseAccount.LinkNotValid, shown.MainText, StringComparison.Ordinal);
            using var post = await other.PostAsync(Confirm, new { token = link.Split("token=")[1] });
            await Expect.FormErrorAsync(post, EraseAccount.LinkNotValid);
        }
        // Hostile tokens.
        foreach (var token in new[] { "", "<script>alert(1)</script>", new string('A', 43), new string('x', 5000) })
            using (var post = await browser.PostAsync(Confirm, new { token }))
                await Expect.FormErrorAsync(post, EraseAccount.LinkNotValid);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == stranger.Id)));

        // After 24 hours it no longer works.
        factory.Clock.Advance(TimeSpan.FromHours(25));
        using (var late = await browser.GetAsync(link))
            Expect.Status(HttpStatusCode.BadRequest, late);
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));

        // A new request; used once, it cannot be replayed (by anyone).
        page = await browser.OpenAsync(Erase);
        using (var response = await browser.SubmitAsync(page.Forms.Single(f => f.Method == "post" && f.Action.Contains(Erase, StringComparison.Ordinal))))
            Expect.Status(HttpStatusCode.OK, response);
        var fresh = factory.Mailbox.LinkTo(person.Email!, Confirm);
        Assert.NotEqual(link, fresh);
        using (var confirmed = await ConfirmAsync(browser, fresh))
            Expect.Redirect(confirmed, "/account/verwijderd");
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));
        using (var other = await factory.SignInAsync(stranger.Email!))
        using (var replay = await other.PostAsync(Confirm, new { token = fresh.Split("token=")[1] }))
            await Expect.FormErrorAsync(replay, EraseAccount.LinkNotValid);
        // The person can no longer sign in.
        var signIn = await factory.NewBrowser().OpenAsync("/inloggen");
        Assert.NotNull(signIn);
    }

    [Fact]
    public async Task A_story_choice_must_be_made_for_each_story_and_only_for_ones_own()
    {
        var s = await PrivacyScenario.CreateAsync(factory);
        using var browser = await factory.SignInAsync(s.Person.Email!);
        var page = await browser.OpenAsync(Erase);
        // Withdraw is chosen beforehand: the safe choice.
        Assert.Contains(page.FormFor($"Choices[{s.TeamStoryId}]").Fields, f => f.Key == $"Choices[{s.TeamStoryId}]" && f.Value == "Withdraw");
        var form = page.FormFor($"Choices[{s.TeamStoryId}]");
        foreach (var bad in new[]
        {
            new KeyValuePair<string, string>($"Choices[{s.TeamStoryId}]", "Nonsense"),
            new KeyValuePair<string, string>($"Choices[{s.OtherStoryId}]", "KeepAnonymised"),
            new KeyValuePair<string, string>("Choices[999999]", "Withdraw"),
        })
        {
            var values = form.Fields.Where(f => f.Key != bad.Key).Append(bad).ToList();
            using var response = await browser.PostAsync(Erase, values.Where(v => v.Key != "__RequestVerificationToken"));
            await Expect.FormErrorAsync(response, EraseAccount.ChooseForEachStory);
        }
        Assert.False(await factory.WithDbAsync(db => db.Set<AccountErasureRequest>().AnyAsync(r => r.UserId == s.Person.Id)));
        Assert.Empty(factory.Mailbox.To(s.Person.Email!));
        using var anonymous = factory.NewBrowser();
        using (var response = await anonymous.GetAsync(Erase))
            Expect.RedirectToSignIn(response, Erase);
    }

    [Fact]
    public async Task An_admin_erases_on_request_with_a_reason_others_may_not()
    {
        var s = await PrivacyScenario.CreateAsync(factory);
        var url = "/beheer/mensen/verwijderen?userId=" + s.Person.Id;
        using (var anonymous = factory.NewBrowser())
        using (var response = await anonymous.GetAsync(url))
            Expect.RedirectToSignIn(response);
        using (var member = await factory.SignInAsync(s.Other.Email!))
        {
            using var get = await member.GetAsync(url);
            Expect.Status(HttpStatusCode.Forbidden, get);
            using var post = await member.PostAsync("/beheer/mensen/verwijderen", new { userId = s.Person.Id, Reason = "Zomaar", Stories = "Withdraw" });
            Expect.Status(HttpStatusCode.Forbidden, post);
        }
        var adminUser = await factory.Data.UserAsync(admin: true);
        using var admin = await factory.SignInAsync(adminUser.Email!);
        var people = await admin.OpenAsync("/beheer/mensen?q=" + s.Marker);
        Assert.Contains(people.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == url);
        // Wrong ids: not found.
        foreach (var wrong in new[] { "/beheer/mensen/verwijderen?userId=onbekend", "/beheer/mensen/verwijderen", "/beheer/mensen/verwijderen?userId=" + new string('x', 500) })
            using (var response = await admin.GetAsync(wrong))
                Expect.Status(HttpStatusCode.NotFound, response);
        // No reason, no story choice, a script as reason that is too long: refused, nothing erased.
        var page = await admin.OpenAsync(url);
        var form = page.FormFor("Reason");
        using (var response = await admin.SubmitAsync(form, new { Reason = "   ", Stories = "KeepAnonymised" }))
            await Expect.FormErrorAsync(response, EraseAccount.ReasonRequired);
        using (var response = await admin.SubmitAsync(form, new { Reason = "Telefonisch verzoek", Stories = "Nonsense" }))
            await Expect.FormErrorAsync(response, EraseAccount.ChooseForEachStory);
        using (var response = await admin.SubmitAsync(form, new { Reason = TestData.Long(EraseAccount.ReasonMax + 1), Stories = "Withdraw" }))
            Expect.NotServerError(response, "too long");
        Assert.True(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == s.Person.Id)));
        // An admin does not remove themselves here.
        using (var response = await admin.PostAsync("/beheer/mensen/verwijderen", new { userId = adminUser.Id, Reason = "Ik stop" }))
            await Expect.FormErrorAsync(response, EraseAccount.NotYourself);

        using (var response = await admin.SubmitAsync(form, new { Reason = "Verzoek per brief van 1 december", Stories = "KeepAnonymised" }))
            Expect.Redirect(response, "/beheer/mensen");
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == s.Person.Id));
            var entry = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditAction.AccountErased && e.Detail == "Verzoek per brief van 1 december");
            Assert.Equal(adminUser.Id, entry.ActorUserId);
            Assert.Null(entry.SubjectUserId);
            // Every story kept without a name.
            var kept = await db.Stories.AsNoTracking().Where(x => x.Id == s.TeamStoryId || x.Id == s.ProjectStoryId || x.Id == s.PublicStoryId).ToListAsync();
            Assert.All(kept, x => Assert.True(!x.IsWithdrawn && x.TellerId == null && x.TellerName == null));
            return 0;
        });
        // The same id again: not found.
        using (var again = await admin.PostAsync("/beheer/mensen/verwijderen", new { userId = s.Person.Id, Reason = "Nog eens", Stories = "Withdraw" }))
            Expect.Status(HttpStatusCode.NotFound, again);
    }
}
