using System.Globalization;
using System.Text;
using System.Text.Json;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Thread;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Initiatives;

/// <summary>
/// Initiatives and conditional pledges (issue 14): start from an idea (and the trace), pledge, the threshold reached
/// exactly once (also under parallel pledges), withdrawals before and after, the response with its melding, mail and
/// audit entry, who may not, hidden by moderation, bad input and erasure.
/// </summary>
public sealed class InitiativeTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private int ReachedMailsTo(string address) =>
        factory.Mailbox.To(address).Count(m => m.Subject == InitiativeNotices.ReachedSubject);

    private async Task<(Browser Browser, Proeftuin.Features.Accounts.AppUser User)> ResidentAsync(string name = "Buurtbewoner")
    {
        var user = await factory.Data.UserAsync(perspective: Perspective.Experience, displayName: name + " " + Guid.NewGuid().ToString("N")[..6]);
        return (await factory.SignInAsync(user.Email!), user);
    }

    [Fact]
    public async Task A_member_starts_an_initiative_from_an_idea_and_it_shows_on_the_idea_and_its_trace()
    {
        var team = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een open huis op zondag");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var ideaPage = await member.OpenAsync($"/ideeen/{idea}");
        var start = ideaPage.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h is not null && h.StartsWith("/initiatieven/nieuw", StringComparison.Ordinal))!;
        Assert.Equal($"/initiatieven/nieuw?project={team.Id}&reactieOp={idea}", start);

        var form = await member.OpenAsync(start);
        Assert.Contains("Een open huis op zondag", form.Text, StringComparison.Ordinal);
        int id;
        using (var made = await member.SubmitAsync(form.FormFor("Input.Title"),
            [F("Input.Type", "RightToChallenge"), F("Input.Title", "Soep op zondag"), F("Input.What", "We koken **samen**."), F("Input.Why", "Het is stil."),
             F("Input.Threshold", "4")]))
            id = Expect.RedirectToId(made, "/initiatieven/");
        var saved = await factory.WithDbAsync(db => db.Set<Initiative>().AsNoTracking().Include(i => i.Initiators).SingleAsync(i => i.Id == id));
        Assert.Equal((InitiativeType.RightToChallenge, InitiativeStatus.Received, 4, (int?)idea, (int?)team.Id, team.Member.Id),
            (saved.Type, saved.Status, saved.Threshold, saved.RespondsToItemId, saved.ProjectId, saved.StarterId));
        Assert.Contains("<strong>samen</strong>", saved.WhatHtml, StringComparison.Ordinal);
        Assert.Equal([team.Member.Id], saved.Initiators.Select(x => x.UserId));

        // The initiative links back; the idea and its trace show the initiative.
        var page = await member.OpenAsync($"/initiatieven/{id}");
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/ideeen/{idea}");
        Assert.Contains("0 van de 4 mensen doen mee", page.Text, StringComparison.Ordinal);
        foreach (var url in new[] { $"/ideeen/{idea}", $"/draad/{idea}/spoor" })
        {
            var shown = await member.OpenAsync(url);
            Assert.Contains("Initiatieven die hieruit voortkwamen", shown.Text, StringComparison.Ordinal);
            Assert.Contains(shown.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/initiatieven/{id}");
        }
        // The project's workspace links to its initiatives, and the list shows it.
        Assert.Contains((await member.OpenAsync($"/projecten/{team.Id}")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/initiatieven?project={team.Id}");
        var list = await member.OpenAsync($"/initiatieven?project={team.Id}&soort=uitdaagrecht");
        Assert.Contains(list.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/initiatieven/{id}");
        list = await member.OpenAsync($"/initiatieven?project={team.Id}&status=niet-nu");
        Assert.DoesNotContain(list.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/initiatieven/{id}");
    }

    [Fact]
    public async Task Pledges_reach_the_threshold_and_everyone_who_pledged_hears_once_a_withdrawn_pledger_not()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await factory.ProjectProgrammeAsync(team.Id);
        var id = await factory.InitiativeAsync(programme, team.Id, team.Member.Id, threshold: 3);
        var (a, userA) = await ResidentAsync("A");
        var (b, userB) = await ResidentAsync("B");
        var (c, userC) = await ResidentAsync("C");
        var (d, userD) = await ResidentAsync("D");
        using (a) using (b) using (c) using (d)
        {
            // A gives hours, B brings coffee; B withdraws before the threshold (and is never told).
            var page = await a.OpenAsync($"/initiatieven/{id}");
            using (var r = await a.SubmitAsync(page.FormWithAction("handler=Pledge"), [F("PledgeInput.Kind", "Hours"), F("PledgeInput.Hours", "2")]))
                Expect.Redirect(r, $"/initiatieven/{id}#meedoen");
            page = await b.OpenAsync($"/initiatieven/{id}");
            using (var r = await b.SubmitAsync(page.FormWithAction("handler=Pledge"), [F("PledgeInput.Kind", "Bring"), F("PledgeInput.Bring", "koffie")]))
                Expect.Redirect(r, $"/initiatieven/{id}#meedoen");
            page = await b.OpenAsync($"/initiatieven/{id}");
            Assert.Contains("2 van de 3 mensen doen mee", page.Text, StringComparison.Ordinal);
            using (var r = await b.SubmitAsync(page.FormWithAction("handler=Withdraw")))
                Expect.Redirect(r, $"/initiatieven/{id}#meedoen");
            // C joins only if 5 others do: active, but not counted.
            page = await c.OpenAsync($"/initiatieven/{id}");
            using (var r = await c.SubmitAsync(page.FormWithAction("handler=Pledge"), [F("PledgeInput.Kind", "JoinIn"), F("PledgeInput.IfOthers", "5")]))
                Expect.Redirect(r, $"/initiatieven/{id}#meedoen");
            page = await c.OpenAsync($"/initiatieven/{id}");
            Assert.Contains("1 van de 3 mensen doen mee", page.Text, StringComparison.Ordinal);
            Assert.Null(await factory.WithDbAsync(db => db.Set<Initiative>().Where(i => i.Id == id).Select(i => i.ReachedAt).SingleAsync()));

            // B again and D: with C's condition now … still 3 active, C needs 5 others: counted 2 → D makes 3 counted? A, B, D count; C not.
            page = await b.OpenAsync($"/initiatieven/{id}");
            using (var r = await b.SubmitAsync(page.FormWithAction("handler=Pledge"), [F("PledgeInput.Kind", "JoinIn")]))
                Expect.Redirect(r, $"/initiatieven/{id}#meedoen");
            Assert.Equal(0, ReachedMailsTo(userA.Email!));
            page = await d.OpenAsync($"/initiatieven/{id}");
            using (var r = await d.SubmitAsync(page.FormWithAction("handler=Pledge"), [F("PledgeInput.Kind", "JoinIn")]))
                Expect.Redirect(r, $"/initiatieven/{id}#meedoen");
        }
        Assert.NotNull(await factory.WithDbAsync(db => db.Set<Initiative>().Where(i => i.Id == id).Select(i => i.ReachedAt).SingleAsync()));
        // Everyone with an active pledge hears once (C too: they pledged), melding and mail.
        foreach (var u in new[] { userA, userB, userC, userD })
        {
            Assert.Equal(1, ReachedMailsTo(u.Email!));
            Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == u.Id && n.Url == $"/initiatieven/{id}")));
        }

        // After the threshold: no withdrawal, and a later pledge tells nobody again.
        using var again = await factory.SignInAsync(userA.Email!);
        using (var r = await again.PostAsync($"/initiatieven/{id}?handler=Withdraw"))
            await Expect.FormErrorAsync(r, PledgeToInitiative.TooLate);
        var (e, userE) = await ResidentAsync("E");
        using (e)
        {
            var page = await e.OpenAsync($"/initiatieven/{id}");
            using var r = await e.SubmitAsync(page.FormWithAction("handler=Pledge"), [F("PledgeInput.Kind", "JoinIn")]);
            Expect.Redirect(r, $"/initiatieven/{id}#meedoen");
        }
        foreach (var u in new[] { userA, userB, userC, userD, userE })
            Assert.Equal(u == userE ? 0 : 1, ReachedMailsTo(u.Email!));
        Assert.Equal(5, await factory.WithDbAsync(db => db.Set<Pledge>().CountAsync(p => p.InitiativeId == id && p.WithdrawnAt == null)));
    }

    [Fact]
    public async Task Parallel_pledges_reach_the_threshold_exactly_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await factory.ProjectProgrammeAsync(team.Id);
        var id = await factory.InitiativeAsync(programme, team.Id, team.Member.Id, threshold: 4);
        var people = new List<(Browser Browser, Proeftuin.Features.Accounts.AppUser User)>();
        for (var n = 0; n < 12; n++) people.Add(await ResidentAsync("Parallel"));
        try
        {
            var answers = await Task.WhenAll(people.Select(async p =>
            {
                using var r = await p.Browser.Client.PostAsync(new Uri($"/api/v1/initiatives/{id}/pledges", UriKind.Relative), Json("""{"kind":"joinIn"}"""));
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
                return doc.RootElement.GetProperty("reachedNow").GetBoolean();
            }));
            Assert.Single(answers, x => x);
            var reachedAt = await factory.WithDbAsync(db => db.Set<Initiative>().Where(i => i.Id == id).Select(i => i.ReachedAt).SingleAsync());
            Assert.NotNull(reachedAt);
            // Exactly one mail per person who had pledged when it was reached, none for the others, and never two.
            var mailed = people.Where(p => ReachedMailsTo(p.User.Email!) > 0).ToList();
            Assert.All(people, p => Assert.InRange(ReachedMailsTo(p.User.Email!), 0, 1));
            Assert.Equal(4, mailed.Count);
            var melded = await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Url == $"/initiatieven/{id}"));
            Assert.Equal(mailed.Count, melded);
            var pledgedBefore = await factory.WithDbAsync(db => db.Set<Pledge>().Where(p => p.InitiativeId == id).OrderBy(p => p.Id).Select(p => p.UserId).ToListAsync());
            Assert.Equal(pledgedBefore.Take(mailed.Count).Order(), mailed.Select(m => m.User.Id).Order());
        }
        finally
        {
            foreach (var p in people) p.Browser.Dispose();
        }
    }

    [Fact]
    public async Task A_facilitator_responds_and_the_initiators_hear_of_it()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await factory.ProjectProgrammeAsync(team.Id);
        var id = await factory.InitiativeAsync(programme, team.Id, team.Member.Id, type: InitiativeType.RightToChallenge);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var r = await member.GetAsync($"/initiatieven/{id}/reactie")) Expect.Status(HttpStatusCode.Forbidden, r);

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var form = await facilitator.OpenAsync($"/initiatieven/{id}/reactie");
        using (var bad = await facilitator.SubmitAsync(form.FormFor("Input.Reasons"), [F("Input.Status", "7"), F("Input.Reasons", "")]))
        {
            var shown = await Expect.FormErrorAsync(bad, "Kies een status uit de lijst.");
            Assert.Contains("Vul de redenen in.", shown.Text, StringComparison.Ordinal);
        }
        using (var ok = await facilitator.SubmitAsync(form.FormFor("Input.Reasons"), [F("Input.Status", "NotNow"), F("Input.Reasons", "Het budget is op. **Volgend jaar** weer.")]))
            Expect.Redirect(ok, $"/initiatieven/{id}#reacties");
        Assert.Equal(InitiativeStatus.NotNow, await factory.WithDbAsync(db => db.Set<Initiative>().Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Member.Id && n.Url == $"/initiatieven/{id}#reacties")));
        Assert.Single(factory.Mailbox.To(team.Member.Email!), m => m.Subject == InitiativeNotices.ResponseSubject);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.InitiativeResponded && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))));
        var page = await member.OpenAsync($"/initiatieven/{id}");
        Assert.Contains("<strong>Volgend jaar</strong>", page.Text.Length > 0 ? page.Document.QuerySelector("#reacties")!.InnerHtml : "", StringComparison.Ordinal);

        // "Niet nu": pledging is refused with a plain message, nothing saved.
        var (r2, _) = await ResidentAsync();
        using (r2)
        using (var refused = await r2.PostAsync($"/initiatieven/{id}?handler=Pledge", [F("PledgeInput.Kind", "JoinIn")]))
            await Expect.FormErrorAsync(refused, InitiativeRules.NotNow);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Pledge>().CountAsync(p => p.InitiativeId == id)));
    }

    [Fact]
    public async Task Who_may_not_read_start_or_pledge()
    {
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var programme = await factory.ProjectProgrammeAsync(closed.Id);
        var id = await factory.InitiativeAsync(programme, closed.Id, closed.Member.Id, title: "Geheim buurtplan");
        var (outsider, _) = await ResidentAsync("Buitenstaander");
        using (outsider)
        {
            foreach (var url in new[] { $"/initiatieven/{id}", $"/initiatieven/{id}/bewerken", $"/initiatieven/{id}/reactie", $"/initiatieven/nieuw?project={closed.Id}", $"/api/v1/initiatives/{id}" })
                using (var r = await outsider.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, r, url);
            Assert.DoesNotContain("Geheim buurtplan", (await outsider.OpenAsync("/initiatieven")).Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Geheim buurtplan", await (await outsider.GetAsync($"/api/v1/initiatives?programme={programme}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var anonymous = factory.NewBrowser())
        {
            using (var r = await anonymous.GetAsync($"/initiatieven/{id}")) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await anonymous.GetAsync($"/initiatieven/nieuw?programma={programme}")) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.Client.PostAsync(new Uri($"/api/v1/initiatives/{id}/pledges", UriKind.Relative), Json("""{"kind":"joinIn"}""")))
                Expect.Status(HttpStatusCode.Unauthorized, r);
        }
        // The observer reads along but neither starts nor pledges.
        using var observer = await factory.SignInAsync(closed.Observer.Email!);
        var page = await observer.OpenAsync($"/initiatieven/{id}");
        Assert.Empty(page.Document.QuerySelectorAll("form[action*='handler=Pledge']"));
        using (var r = await observer.PostAsync($"/initiatieven/{id}?handler=Pledge", [F("PledgeInput.Kind", "JoinIn")])) Expect.Status(HttpStatusCode.Forbidden, r);
        using (var r = await observer.GetAsync($"/initiatieven/nieuw?project={closed.Id}")) Expect.Status(HttpStatusCode.Forbidden, r);
        using (var r = await observer.GetAsync($"/initiatieven/{id}/bewerken")) Expect.Status(HttpStatusCode.Forbidden, r);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Pledge>().CountAsync(p => p.InitiativeId == id)));
    }

    [Fact]
    public async Task Bad_input_gets_a_plain_message_and_nothing_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await factory.ProjectProgrammeAsync(team.Id);
        var other = await factory.Data.TeamProjectAsync();
        var elsewhere = await factory.ItemAsync(other.Id, ItemKind.Idea, "Idee van een ander project");
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Een inzicht");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var before = await factory.WithDbAsync(db => db.Set<Initiative>().CountAsync());
        var cases = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            ([F("Input.Type", "Anders"), F("Input.Title", "x"), F("Input.What", "x"), F("Input.Why", "x"), F("Input.Threshold", "3")], "Kies wat voor initiatief het is."),
            ([F("Input.Type", "Other"), F("Input.Title", ""), F("Input.What", "x"), F("Input.Why", "x"), F("Input.Threshold", "3")], "Vul de naam van het initiatief in."),
            ([F("Input.Type", "Other"), F("Input.Title", TestData.Long(300)), F("Input.What", "x"), F("Input.Why", "x"), F("Input.Threshold", "3")], "de naam van het initiatief is te lang: maximaal 200 tekens."),
            ([F("Input.Type", "Other"), F("Input.Title", "x"), F("Input.What", "x"), F("Input.Why", "x"), F("Input.Threshold", "0")], "Vul in bij hoeveel mensen jullie beginnen: een aantal van 1 tot en met 1000."),
            ([F("Input.Type", "Other"), F("Input.Title", "x"), F("Input.What", "x"), F("Input.Why", "x"), F("Input.Threshold", "drie")], "Vul in bij hoeveel mensen jullie beginnen: een aantal van 1 tot en met 1000."),
            ([F("Input.Type", "Other"), F("Input.Title", "x"), F("Input.What", "x"), F("Input.Why", "x"), F("Input.Threshold", "3"), F("Input.RespondsTo", elsewhere.ToString(CultureInfo.InvariantCulture))], "Kies een idee, vraag of besluit uit dit project, of geen."),
            ([F("Input.Type", "Other"), F("Input.Title", "x"), F("Input.What", "x"), F("Input.Why", "x"), F("Input.Threshold", "3"), F("Input.RespondsTo", insight.ToString(CultureInfo.InvariantCulture))], "Kies een idee, vraag of besluit uit dit project, of geen."),
        };
        foreach (var (fields, message) in cases)
        {
            using var r = await member.PostAsync($"/initiatieven/nieuw?project={team.Id}", fields);
            var page = await HtmlPage.ReadAsync(r, "/initiatieven/nieuw");
            Assert.True(page.MainText.Contains(message, StringComparison.OrdinalIgnoreCase), $"{message}\n{page.MainText}");
        }
        Assert.Equal(before, await factory.WithDbAsync(db => db.Set<Initiative>().CountAsync()));

        // Script in a title is text, never markup.
        using (var r = await member.PostAsync($"/initiatieven/nieuw?project={team.Id}", [F("Input.Type", "Other"), F("Input.Title", TestData.Script), F("Input.What", TestData.Script), F("Input.Why", "x"), F("Input.Threshold", "3")]))
        {
            var id = Expect.RedirectToId(r, "/initiatieven/");
            var page = await member.OpenAsync($"/initiatieven/{id}");
            Expect.ShownAsText(page);
        }

        // Pledges: a wrong kind, hours out of range, nothing to bring, a condition out of range.
        var initiative = await factory.InitiativeAsync(programme, team.Id, team.Member.Id);
        var pledges = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            ([F("PledgeInput.Kind", "1")], "Kies hoe je meedoet."),
            ([F("PledgeInput.Kind", "Hours"), F("PledgeInput.Hours", "99")], "Vul een aantal uren per week in van 1 tot en met 40."),
            ([F("PledgeInput.Kind", "Bring"), F("PledgeInput.Bring", "  ")], "Vul wat je meeneemt in."),
            ([F("PledgeInput.Kind", "Bring"), F("PledgeInput.Bring", TestData.Long(500))], "wat je meeneemt is te lang: maximaal 200 tekens."),
            ([F("PledgeInput.Kind", "JoinIn"), F("PledgeInput.IfOthers", "-3")], "Vul bij ‘als er nog … anderen meedoen’ een aantal in van 1 tot en met 1000, of laat het leeg."),
        };
        foreach (var (fields, message) in pledges)
        {
            using var r = await member.PostAsync($"/initiatieven/{initiative}?handler=Pledge", fields);
            var page = await HtmlPage.ReadAsync(r, "/initiatieven");
            Assert.True(page.MainText.Contains(message, StringComparison.OrdinalIgnoreCase), $"{message}\n{page.MainText}");
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Pledge>().CountAsync(p => p.InitiativeId == initiative)));

        // The API answers in Dutch problem details.
        using (var r = await member.Client.PostAsync(new Uri($"/api/v1/initiatives/{initiative}/pledges", UriKind.Relative), Json("""{"kind":"sing"}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Kies hoe je meedoet", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var r = await member.Client.PostAsync(new Uri($"/api/v1/initiatives/{initiative}/pledges", UriKind.Relative), Json("""{"kind":"hours","hoursPerWeek":0}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("hoursPerWeek", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var r = await member.Client.GetAsync(new Uri("/api/v1/initiatives?status=klaar", UriKind.Relative))) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await member.GetAsync("/initiatieven/999999")) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await member.PostAsync("/initiatieven/999999?handler=Pledge", [F("PledgeInput.Kind", "JoinIn")])) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await member.GetAsync("/initiatieven/nieuw?programma=999999")) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task A_hidden_initiative_leaves_lists_and_the_api_and_takes_no_pledges()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await factory.ProjectProgrammeAsync(team.Id);
        var id = await factory.InitiativeAsync(programme, team.Id, team.Member.Id, title: "Te verbergen plan", what: "Geheime inhoud");
        await factory.WithDbAsync(db => db.Set<Initiative>().Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.HiddenAt, DateTime.UtcNow)));
        var (resident, _) = await ResidentAsync();
        using (resident)
        {
            Assert.DoesNotContain("Te verbergen plan", (await resident.OpenAsync($"/initiatieven?project={team.Id}")).Text, StringComparison.Ordinal);
            var page = await resident.OpenAsync($"/initiatieven/{id}");
            Assert.Contains("verborgen door moderatie", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Geheime inhoud", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Te verbergen plan", page.Text, StringComparison.Ordinal);
            using (var r = await resident.GetAsync($"/api/v1/initiatives/{id}")) Expect.Status(HttpStatusCode.NotFound, r);
            Assert.DoesNotContain("Te verbergen plan", await (await resident.GetAsync("/api/v1/initiatives")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using (var r = await resident.PostAsync($"/initiatieven/{id}?handler=Pledge", [F("PledgeInput.Kind", "JoinIn")]))
                await Expect.FormErrorAsync(r, InitiativeRules.Hidden);
        }
        // The facilitator still sees it, marked.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var seen = await facilitator.OpenAsync($"/initiatieven/{id}");
        Assert.Contains("Te verbergen plan", seen.Text, StringComparison.Ordinal);
        Assert.Contains("verborgen door moderatie", seen.Text, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Pledge>().CountAsync(p => p.InitiativeId == id)));
    }

    [Fact]
    public async Task Programme_initiatives_are_started_by_anyone_signed_in_the_api_lists_them_and_erasure_keeps_the_initiative()
    {
        var programme = await factory.Data.ProgrammeIdAsync();
        var (starter, user) = await ResidentAsync("Starter");
        int id;
        using (starter)
        {
            var form = await starter.OpenAsync($"/initiatieven/nieuw?programma={programme}");
            using (var r = await starter.SubmitAsync(form.FormFor("Input.Title"), [F("Input.Type", "Proposal"), F("Input.Title", "Bankjes langs de Waal"), F("Input.What", "Meer bankjes."), F("Input.Why", "Ouderen rusten uit."), F("Input.Threshold", "2")]))
                id = Expect.RedirectToId(r, "/initiatieven/");
            using var pledged = await starter.Client.PostAsync(new Uri($"/api/v1/initiatives/{id}/pledges", UriKind.Relative), Json("""{"kind":"bring","bring":"een thermoskan","ifOthers":1}"""));
            Assert.Equal(HttpStatusCode.Created, pledged.StatusCode);
        }
        using var anonymous = factory.NewBrowser();
        var list = await anonymous.GetJsonAsync($"/api/v1/initiatives?programme={programme}&status=received");
        var row = list.EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == id);
        Assert.Equal("proposalToMunicipality", row.GetProperty("type").GetString());
        Assert.Equal(0, row.GetProperty("counted").GetInt32());
        var one = await anonymous.GetJsonAsync($"/api/v1/initiatives/{id}");
        Assert.Equal(1, one.GetProperty("pledges").GetInt32());
        Assert.Equal(1, one.GetProperty("pledgesByPerspective").EnumerateArray().Single(p => p.GetProperty("perspective").GetString() == "Experience").GetProperty("count").GetInt32());
        Assert.False(one.GetProperty("pledgeList")[0].GetProperty("conditionMet").GetBoolean());

        await factory.WithScopeAsync(async sp =>
        {
            var contributor = sp.GetServices<Proeftuin.Features.Privacy.IPersonalDataContributor>().OfType<InitiativesPersonalData>().Single();
            var person = new Proeftuin.Features.Privacy.PersonRef(user.Id, user.Email, user.DisplayName);
            var export = await contributor.ExportAsync(person, CancellationToken.None);
            Assert.Equal(2, export.Rows.Count);
            await contributor.EraseAsync(person, Proeftuin.Features.Privacy.ErasureChoices.WithdrawAll, CancellationToken.None);
        });
        var after = await factory.WithDbAsync(db => db.Set<Initiative>().AsNoTracking().Include(i => i.Initiators).SingleAsync(i => i.Id == id));
        Assert.Null(after.StarterId);
        Assert.Empty(after.Initiators);
        Assert.Equal("Bankjes langs de Waal", after.Title);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Pledge>().CountAsync(p => p.InitiativeId == id)));
    }
}
