using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Proeftuin.Features.Follows;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Follows;

/// <summary>
/// Follows and digests (issue 14): the Volgen button, news for followers (reacties, responses, decisions, activities),
/// one digest mail per period on the test clock, nothing for people who opted out, the one-click unsubscribe without
/// sign-in (RFC 8058), hidden content never in a digest, two nodes never sending twice, who may not, and bad input.
/// </summary>
public sealed class FollowTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private Task SendAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<SendDigests>().RunOnceAsync());

    private IReadOnlyList<MimeMessage> Digests(string address) =>
        [.. factory.Mailbox.To(address).Where(m => m.Subject?.StartsWith(SendDigests.Subject, StringComparison.Ordinal) == true)];

    private DigestOptions Options => factory.Services.GetRequiredService<IOptions<DigestOptions>>().Value;

    private static async Task<HttpResponseMessage> CommentAsync(Browser browser, int itemId, string text)
    {
        var page = await browser.OpenAsync($"/draad/{itemId}/reactie");
        return await browser.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = text });
    }

    private static async Task FollowAsync(Browser browser, string pageUrl)
    {
        var page = await browser.OpenAsync(pageUrl);
        var form = page.Document.QuerySelectorAll("form.pt-follow").Single();
        using var r = await browser.PostAsync(form.GetAttribute("action")!, [F("follow", "true"), F("terug", pageUrl)]);
        Expect.Redirect(r, pageUrl);
    }

    [Fact]
    public async Task A_follower_hears_of_a_reactie_and_gets_one_digest_per_day_with_an_unsubscribe_header()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Op zondag is het stil", authorId: team.Facilitator.Id);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var member = await factory.SignInAsync(team.Member.Email!);

        // The Volgen button on the item page; the page then says so and /volgen lists it.
        await FollowAsync(observer, $"/draad/{insight}");
        var page = await observer.OpenAsync($"/draad/{insight}");
        Assert.Contains("Je volgt dit", page.Text, StringComparison.Ordinal);
        Assert.Contains((await observer.OpenAsync("/volgen")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/draad/{insight}");

        // A member writes a reactie: the follower gets a melding and a line for the digest; the writer nothing, and now follows.
        using (var r = await CommentAsync(member, insight, "Klopt, ook bij ons."))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == team.Observer.Id && n.Text.StartsWith("Nieuwe reactie op"))));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<DigestEntry>().CountAsync(e => e.UserId == team.Member.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Set<Follow>().AnyAsync(f => f.UserId == team.Member.Id && f.Topic == FollowTopic.Item && f.TargetId == insight)));
        Assert.Contains("Nieuwe reactie op", (await observer.OpenAsync("/volgen")).Text, StringComparison.Ordinal);

        await SendAsync();
        var mails = Digests(team.Observer.Email!);
        var mail = Assert.Single(mails);
        Assert.Contains("Op zondag is het stil", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/draad/{insight}#reactie-", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches(@"^<https?://[^>]+/volgen/afmelden\?t=[^>]+>$", mail.Headers["List-Unsubscribe"]);

        // A second pass and a second reactie in the same day: no second mail until the next day's send hour.
        await SendAsync();
        using (var r = await CommentAsync(member, insight, "En nog iets."))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var next = DigestPeriods.CurrentStart(DigestFrequency.Daily, now, Options)!.Value.AddDays(1);
        factory.Clock.Advance(next - now - TimeSpan.FromMinutes(1));
        await SendAsync();
        Assert.Single(Digests(team.Observer.Email!));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync();
        Assert.Equal(2, Digests(team.Observer.Email!).Count);
        Assert.Contains("En nog iets", await factory.WithDbAsync(db => db.Comments.Where(c => c.ItemId == insight).OrderBy(c => c.Id).Select(c => c.Text).LastAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<DigestEntry>().CountAsync(e => e.UserId == team.Observer.Id && e.SentAt == null)));
        // Sent lines are kept 30 days, then deleted.
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<DigestEntry>().CountAsync(e => e.UserId == team.Observer.Id)));
        factory.Clock.Advance(SendDigests.KeepSent + TimeSpan.FromDays(2));
        await SendAsync();
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<DigestEntry>().CountAsync(e => e.UserId == team.Observer.Id)));
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_sign_in_and_a_made_up_link_does_not()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Afmelden werkt", authorId: team.Facilitator.Id);
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
            await FollowAsync(observer, $"/draad/{insight}");
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (var r = await CommentAsync(member, insight, "Eerste reactie."))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await SendAsync();
        var header = Digests(team.Observer.Email!).Single().Headers["List-Unsubscribe"]!.Trim('<', '>');
        var path = new Uri(header).PathAndQuery;

        using var anonymous = factory.NewBrowser();
        // Opening the link only asks (a link checker must not unsubscribe anyone).
        var ask = await anonymous.OpenAsync(path);
        Assert.Equal(HttpStatusCode.OK, ask.Status);
        Assert.Contains("Geen e-mail meer over wat je volgt?", ask.Text, StringComparison.Ordinal);
        Assert.Equal(DigestFrequency.Daily, await FrequencyAsync(team.Observer.Id));
        // The mail program's one-click POST: no form token, no cookie.
        using (var click = await anonymous.PostWithoutTokenAsync(path, [F("List-Unsubscribe", "One-Click")]))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
            Assert.Contains("Je bent afgemeld", await click.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(team.Observer.Id));

        // Opted out: the next reactie makes a melding, but no mail ever, and the waiting line is dropped.
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (var r = await CommentAsync(member, insight, "Tweede reactie."))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(8));
        await SendAsync();
        Assert.Single(Digests(team.Observer.Email!));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<DigestEntry>().CountAsync(e => e.UserId == team.Observer.Id && e.SentAt == null)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == team.Observer.Id && n.Text.StartsWith("Nieuwe reactie op"))));

        // Made up, changed or empty links: a 404, never a 500, and nobody's choice changes.
        foreach (var bad in new[] { "/volgen/afmelden", "/volgen/afmelden?t=", "/volgen/afmelden?t=abc", path[..^3] + "xyz", "/volgen/afmelden?t=" + new string('a', 5000) })
        {
            using var get = await anonymous.GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            using var post = await anonymous.PostWithoutTokenAsync(bad, [F("List-Unsubscribe", "One-Click")]);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
    }

    [Fact]
    public async Task Weekly_digests_come_once_a_week_and_the_choice_is_checked()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Eens per week", authorId: team.Facilitator.Id);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        await FollowAsync(observer, $"/draad/{insight}");
        var settings = await observer.OpenAsync("/volgen");
        // A value that is not a choice: a clear Dutch error and nothing saved.
        using (var bad = await observer.SubmitAsync(settings.FormFor("Frequency"), [F("Frequency", "Hourly")]))
            await Expect.FormErrorAsync(bad, "Kies hoe vaak je e-mail wilt krijgen.");
        using (var bad = await observer.SubmitAsync(settings.FormFor("Frequency"), [F("Frequency", "")]))
            await Expect.FormErrorAsync(bad, "Kies hoe vaak je e-mail wilt krijgen.");
        Assert.Equal(DigestFrequency.Daily, await FrequencyAsync(team.Observer.Id));
        using (var ok = await observer.SubmitAsync(settings.FormFor("Frequency"), [F("Frequency", "Weekly")]))
            Expect.Redirect(ok, "/volgen");
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(team.Observer.Id));

        using var member = await factory.SignInAsync(team.Member.Email!);
        // Each day's pass runs at noon Dutch time, after the send hour: run before 07:00 on a Monday, the week's mail
        // would rightly wait for Tuesday's pass (CI once ran at 05:00).
        var local = Proeftuin.Shared.Dates.Local(factory.Clock.GetUtcNow().UtcDateTime);
        var noon = local.Date.AddHours(12);
        if (noon <= local) noon = noon.AddDays(1);
        factory.Clock.Advance(noon - local);
        for (var day = 0; day < 8; day++)
        {
            using (var r = await CommentAsync(member, insight, $"Reactie op dag {day}."))
                Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            await SendAsync();
            factory.Clock.Advance(TimeSpan.FromDays(1));
        }
        await SendAsync();
        // Eight days hold one or two Monday mornings: the first pass sends, then at most one a week.
        var count = Digests(team.Observer.Email!).Count;
        Assert.InRange(count, 2, 3);
        var lastSent = (await factory.WithDbAsync(db => db.Set<DigestSetting>().SingleAsync(s => s.UserId == team.Observer.Id))).LastSentAt!.Value;
        Assert.Equal(DayOfWeek.Monday, Proeftuin.Shared.Dates.Local(lastSent).DayOfWeek);
    }

    [Fact]
    public async Task Content_hidden_by_moderation_never_reaches_a_digest()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Verbergen werkt", authorId: team.Facilitator.Id);
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
            await FollowAsync(observer, $"/draad/{insight}");
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (var r = await CommentAsync(member, insight, "Mijn buurman Piet de Vries woont op nummer 4."))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var comment = await factory.WithDbAsync(db => db.Comments.Where(c => c.ItemId == insight).Select(c => c.Id).SingleAsync());
        using (var facilitator = await factory.SignInAsync(team.Facilitator.Email!))
        using (var hidden = await facilitator.PostAsync($"/moderatie/reactie/{comment}", [F("Input.Step", "Hidden"), F("Input.Reason", "Er stond een naam en adres in.")]))
            Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        await SendAsync();
        Assert.Empty(Digests(team.Observer.Email!));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<DigestEntry>().CountAsync(e => e.UserId == team.Observer.Id)));
    }

    [Fact]
    public async Task Two_nodes_sending_at_once_send_one_digest()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Twee knooppunten", authorId: team.Facilitator.Id);
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
            await FollowAsync(observer, $"/draad/{insight}");
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (var r = await CommentAsync(member, insight, "Samen tegelijk."))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SendAsync)));
        Assert.Single(Digests(team.Observer.Email!));
    }

    [Fact]
    public async Task Followers_hear_of_responses_decisions_and_new_activities_and_someone_who_left_a_closed_project_does_not()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly, Phase.Test);
        var outsider = await factory.Data.UserAsync();
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
            await FollowAsync(observer, $"/projecten/{team.Id}");
        using (var member = await factory.SignInAsync(team.Member.Email!))
            await FollowAsync(member, $"/projecten/{team.Id}");
        // An outsider may not follow a closed project: 404, and no follow row.
        using (var o = await factory.SignInAsync(outsider.Email!))
        {
            using var get = await o.GetAsync($"/volgen/project/{team.Id}");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            using var post = await o.PostAsync($"/volgen/project/{team.Id}", [F("follow", "true")]);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.False(await factory.WithDbAsync(db => db.Set<Follow>().AnyAsync(f => f.UserId == outsider.Id)));

        // The observer leaves the project; the member stays.
        await factory.WithDbAsync(db => db.Memberships.Where(m => m.ProjectId == team.Id && m.UserId == team.Observer.Id).ExecuteDeleteAsync());

        // A new activity in the project.
        using (var facilitator = await factory.SignInAsync(team.Facilitator.Email!))
        {
            var form = await facilitator.OpenAsync($"/activiteiten/nieuw?project={team.Id}");
            var day = DateOnly.FromDateTime(Proeftuin.Shared.Dates.Local(factory.Clock.GetUtcNow().UtcDateTime)).AddDays(10);
            using var made = await facilitator.SubmitAsync(form.FormFor("Input.Title"),
                [F("Input.Title", "Testmiddag in de buurtkamer"), F("Input.Type", "Walk"), F("Input.Day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), F("Input.StartTime", "14:00"),
                 F("Input.EndTime", "16:00"), F("Input.Place", "Buurtkamer"), F("Input.Capacity", "10")]);
            Assert.True(made.StatusCode == HttpStatusCode.Redirect, await made.Content.ReadAsStringAsync());
        }
        var lines = await factory.WithDbAsync(db => db.Set<DigestEntry>().Where(e => e.Text.StartsWith("Nieuwe activiteit: „Testmiddag in de buurtkamer”")).Select(e => e.UserId).ToListAsync());
        Assert.Equal([team.Member.Id], lines);
    }

    [Fact]
    public async Task Who_may_not_and_bad_input_get_a_clear_answer_and_nothing_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync("/volgen"));
        Expect.RedirectToSignIn(await anonymous.GetAsync($"/volgen/project/{team.Id}"));

        using var member = await factory.SignInAsync(team.Member.Email!);
        foreach (var url in new[] { "/volgen/iets/1", $"/volgen/project/0", "/volgen/project/999999", "/volgen/initiatief/999999", "/volgen/bijdrage/-1", "/volgen/PROJECT/999999" })
        {
            using var r = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            using var p = await member.PostAsync(url, [F("follow", "true")]);
            Assert.Equal(HttpStatusCode.NotFound, p.StatusCode);
        }
        // A return address elsewhere is not followed.
        using (var r = await member.PostAsync($"/volgen/project/{team.Id}", [F("follow", "true"), F("terug", "https://example.org/phish")]))
            Expect.Redirect(r, $"/volgen/project/{team.Id}");
        using (var r = await member.PostAsync($"/volgen/project/{team.Id}", [F("follow", "true"), F("terug", TestData.Script)]))
            Expect.Redirect(r, $"/volgen/project/{team.Id}");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Follow>().CountAsync(f => f.UserId == team.Member.Id && f.Topic == FollowTopic.Project)));
        // Stop following from the overview.
        var overview = await member.OpenAsync("/volgen");
        using (var r = await member.SubmitAsync(overview.FormWithAction("handler=Stop")))
            Expect.Redirect(r, "/volgen");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Follow>().CountAsync(f => f.UserId == team.Member.Id && f.Topic == FollowTopic.Project)));
    }

    private Task<DigestFrequency> FrequencyAsync(string userId) =>
        factory.WithDbAsync(async db => await db.Set<DigestSetting>().Where(s => s.UserId == userId).Select(s => (DigestFrequency?)s.Frequency).FirstOrDefaultAsync() ?? DigestFrequency.Daily);
}
