using System.Globalization;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// Issue 9, points 6–8: the session's state is honest (a permanent closed banner for everyone, the join code for the
/// facilitator, the same participant count everywhere, timer buttons that fit, a planned date, time and place), the
/// board shows knowledge sources in colour and words and the stippen after the vote, and the results read plainly.
/// </summary>
public sealed class SessionHonestyTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_closed_session_shows_a_permanent_banner_on_every_session_page_for_every_role()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Closed, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Riet");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var guest = factory.GuestBrowser(session.Id, key!);

        var pages = new[] { $"/sessies/{session.Id}", $"/sessies/{session.Id}/scherm", $"/sessies/{session.Id}/samenvatting" };
        foreach (var (who, browser) in new[] { ("facilitator", facilitator), ("member", member), ("observer", observer), ("guest", guest) })
        {
            foreach (var path in pages)
            {
                // Twice: a one-time message would be gone the second time.
                for (var i = 0; i < 2; i++)
                {
                    var page = await browser.OpenAsync(path);
                    var banner = page.Document.QuerySelector("[data-session-closed]");
                    Assert.True(banner is not null, $"{who} sees no closed banner on {path}");
                    Assert.Contains("Deze sessie is afgelopen.", banner!.TextContent, StringComparison.Ordinal);
                    if (!path.EndsWith("/samenvatting", StringComparison.Ordinal))
                        Assert.NotNull(banner.QuerySelector($"a[href='/sessies/{session.Id}/samenvatting']"));
                }
            }
        }
        // The plan page sends the facilitator to the session page, where the banner is.
        using (var plan = await facilitator.GetAsync($"/sessies/{session.Id}/voorbereiden"))
            Expect.Redirect(plan, $"/sessies/{session.Id}");

        // A running session has no such banner.
        var running = await factory.SessionAsync(team.Id, SessionState.Running);
        var live = await facilitator.OpenAsync($"/sessies/{running.Id}");
        Assert.Null(live.Document.QuerySelector("[data-session-closed]"));
    }

    [Fact]
    public async Task Closing_the_session_redirects_to_the_banner_instead_of_a_one_time_message()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var closed = await facilitator.PostAsync($"/sessies/{session.Id}/leiden?handler=Close", new { });
        var page = await facilitator.FollowAsync(closed, $"/sessies/{session.Id}");
        Assert.NotNull(page.Document.QuerySelector("[data-session-closed]"));
        Assert.Null(page.Document.QuerySelector(".utrecht-alert--ok"));
    }

    [Fact]
    public async Task Participant_counts_agree_on_the_list_the_live_page_the_wall_and_the_summary()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running);
        await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans");
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Riet");
        await factory.ParticipantAsync(session.Id, name: "Mark", perspective: Perspective.Professional);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        // The facilitator opening the page joins too: four people.
        await facilitator.OpenAsync($"/sessies/{session.Id}");
        using var guest = factory.GuestBrowser(session.Id, key!);

        var list = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies");
        var item = list.Document.QuerySelectorAll(".pt-session-list__item").Single(li => li.QuerySelector($"a[href='/sessies/{session.Id}']") is not null);
        Assert.Equal("4 deelnemers", item.QuerySelector("[data-participant-total]")!.TextContent.Trim());
        foreach (var browser in new[] { facilitator, guest })
        {
            foreach (var path in new[] { $"/sessies/{session.Id}", $"/sessies/{session.Id}/scherm", $"/sessies/{session.Id}/samenvatting" })
            {
                var page = await browser.OpenAsync(path);
                var counts = page.Document.QuerySelectorAll("[data-participant-total]").Select(e => e.TextContent.Trim()).ToList();
                Assert.NotEmpty(counts);
                Assert.All(counts, c => Assert.Equal("4 deelnemers", c));
            }
        }
        var facilitatorPage = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Equal("4", facilitatorPage.Document.QuerySelector("[data-participant-count]")!.TextContent.Trim());
        // For the live update: the page carries the singular and plural to fill in.
        var total = facilitatorPage.Document.QuerySelector("[data-participant-total]")!;
        Assert.Equal("1 deelnemer", total.GetAttribute("data-one"));
        Assert.Equal("{0} deelnemers", total.GetAttribute("data-many"));

        // One person is "1 deelnemer", not "1 deelnemers".
        var small = await factory.SessionAsync(team.Id, SessionState.Running);
        var (_, soloKey) = await factory.ParticipantAsync(small.Id, name: "Solo");
        using var solo = factory.GuestBrowser(small.Id, soloKey!);
        var soloPage = await solo.OpenAsync($"/sessies/{small.Id}");
        Assert.Equal("1 deelnemer", soloPage.Document.QuerySelector("[data-participant-total]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_live_count_reaches_every_screen_when_someone_joins()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await facilitator.OpenAsync($"/sessies/{session.Id}");
        await using var live = await facilitator.ConnectAsync();
        var first = await live.EnterAsync(session.Id);
        Assert.Equal(1, first.Participation.Total);
        using var guest = factory.NewBrowser();
        var form = await guest.OpenAsync($"/doe-mee/{session.JoinCode}");
        using var joined = await guest.SubmitAsync(form.FormFor("Input.DisplayName"), new { Input_DisplayName = "Fatima", Input_Perspective = nameof(Perspective.Experience) });
        var told = await live.WaitForAsync("ParticipationChanged", a => a[0].GetProperty("total").GetInt32() == 2);
        Assert.Equal(2, told[0].GetProperty("total").GetInt32());
        var summary = await facilitator.OpenAsync($"/sessies/{session.Id}/samenvatting");
        Assert.Equal("2 deelnemers", summary.Document.QuerySelector("[data-participant-total]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_join_code_is_on_the_facilitators_own_session_page_only()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Equal(JoinCodes.Display(session.JoinCode), page.Document.QuerySelector(".pt-session-code__code")!.TextContent.Trim());
        Assert.Contains("/doe-mee", page.Document.QuerySelector(".pt-session-code")!.TextContent, StringComparison.Ordinal);

        using var observer = await factory.SignInAsync(team.Observer.Email!);
        var watching = await observer.OpenAsync($"/sessies/{session.Id}");
        Assert.Null(watching.Document.QuerySelector(".pt-session-code"));
        Assert.DoesNotContain(JoinCodes.Display(session.JoinCode), watching.Text, StringComparison.Ordinal);

        var closed = await factory.SessionAsync(team.Id, SessionState.Closed);
        var over = await facilitator.OpenAsync($"/sessies/{closed.Id}");
        Assert.Null(over.Document.QuerySelector(".pt-session-code"));
    }

    [Theory]
    [InlineData("idle", "Klok starten")]
    [InlineData("running", "Pauze|+1 minuut|Klok stoppen")]
    [InlineData("paused", "Verder|Klok stoppen")]
    [InlineData("over", "Klok starten|+1 minuut|Klok stoppen")]
    public async Task The_timer_shows_only_the_buttons_that_fit_its_state(string state, string expected)
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.StepAsync(session.StepIds[0], s =>
        {
            (s.EndsAt, s.PausedSecondsLeft) = state switch
            {
                "running" => (now.AddMinutes(3), (int?)null),
                "paused" => (null, 90),
                "over" => (now.AddSeconds(-5), null),
                _ => ((DateTime?)null, (int?)null),
            };
        });
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        var shown = page.Document.QuerySelectorAll("[data-timer-buttons] form:not([hidden]) button").Select(b => b.TextContent.Trim());
        Assert.Equal(expected.Split('|'), shown);
        // Every button is on the page for session.js, with the states it fits.
        Assert.Equal(5, page.Document.QuerySelectorAll("[data-timer-buttons] form[data-timer-states]").Length);
    }

    [Fact]
    public async Task A_planned_date_time_and_place_are_saved_and_shown_on_the_list_the_session_page_and_the_summary()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(20);
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies/nieuw");
        Assert.NotNull(page.Document.QuerySelector("input[type=date][name='Input.PlannedDate']"));
        Assert.NotNull(page.Document.QuerySelector("input[type=time][name='Input.PlannedTime']"));
        using var created = await facilitator.SubmitAsync(page.FormFor("Input.Title"), new
        {
            Input_Title = "Avond in de buurtkamer",
            Input_PlannedDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Input_PlannedTime = "19:30",
            Input_Place = "Buurtkamer De Linde",
        });
        var id = Expect.RedirectToId(created, "/sessies/");
        var saved = await factory.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == id));
        Assert.Equal(day, saved.PlannedDate);
        Assert.Equal(new TimeOnly(19, 30), saved.PlannedTime);
        Assert.Equal("Buurtkamer De Linde", saved.Place);

        var shown = $"{day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))} om 19:30 · Buurtkamer De Linde";
        foreach (var path in new[] { $"/projecten/{team.Id}/sessies", $"/sessies/{id}", $"/sessies/{id}/samenvatting" })
        {
            var shownPage = await facilitator.OpenAsync(path);
            Assert.Contains(shown, shownPage.MainText, StringComparison.Ordinal);
        }
        // The plan page fills the fields in again, and a change is saved.
        var plan = await facilitator.OpenAsync($"/sessies/{id}/voorbereiden");
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), plan.Document.QuerySelector("#Input_PlannedDate")!.GetAttribute("value"));
        using var changed = await facilitator.SubmitAsync(plan.FormFor("Input.Place"), new { Input_Title = "Avond in de buurtkamer", Input_PlannedDate = "", Input_PlannedTime = "", Input_Place = "Online" });
        Assert.True(Browser.IsRedirect(changed.StatusCode));
        saved = await factory.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == id));
        Assert.Null(saved.PlannedDate);
        Assert.Null(saved.PlannedTime);
        Assert.Equal("Online", saved.Place);
        var list = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies");
        Assert.Contains("Gepland: Online", list.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_planned_dates_times_and_places_are_refused_in_Dutch_and_nothing_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}/sessies/nieuw");
        var form = page.FormFor("Input.Title");
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        foreach (var (date, time, place, message) in new (string, string, string, string)[]
        {
            ("2207-03-12", "", "", "Kies een datum tussen een jaar geleden en vijf jaar vooruit."),
            (today.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "", "", "Kies een datum tussen een jaar geleden en vijf jaar vooruit."),
            ("2027-02-31", "", "", "Vul een datum in zoals 12-03-2027."),
            ("morgen", "", "", "Vul een datum in zoals 12-03-2027."),
            (TestData.Script, "", "", "Vul een datum in zoals 12-03-2027."),
            (TestData.Long(5000), "", "", "Vul een datum in zoals 12-03-2027."),
            ("", "19:30", "", "Vul ook de datum in"),
            (today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "25:00", "", "Vul een tijd in zoals 19:30."),
            (today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "half acht", "", "Vul een tijd in zoals 19:30."),
            ("", "", TestData.Long(SessionLimits.Place + 1), "maximaal 200 tekens"),
            ("", "", "Buurt\u0007kamer", "tekens die niet kunnen"),
        })
        {
            using var response = await facilitator.SubmitAsync(form, new { Input_Title = "Goed", Input_PlannedDate = date, Input_PlannedTime = time, Input_Place = place });
            Expect.NotServerError(response, $"{date}/{time}/{place.Length}");
            var answer = await facilitator.FollowAsync(response, page.Url);
            Assert.Contains(message, answer.ErrorText, StringComparison.Ordinal);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.ProjectId == team.Id)));

        // A place with markup is kept as text and shown as text.
        using var ok = await facilitator.SubmitAsync(form, new { Input_Title = "Goed", Input_Place = TestData.Script });
        var id = Expect.RedirectToId(ok, "/sessies/");
        Expect.ShownAsText(await facilitator.OpenAsync($"/sessies/{id}"));

        // Who may not plan does not get to set a date either.
        var other = await factory.SessionAsync(team.Id, SessionState.Planned);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var r = await member.PostAsync($"/sessies/{other.Id}/voorbereiden?handler=Details", new { Input_Title = "Van mij", Input_PlannedDate = "2027-01-01" }))
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"member got {(int)r.StatusCode}");
        using var outsider = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        using (var r = await outsider.PostAsync($"/sessies/{other.Id}/voorbereiden?handler=Details", new { Input_Title = "Van mij", Input_PlannedDate = "2027-01-01" }))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Null((await factory.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == other.Id))).PlannedDate);
    }

    [Fact]
    public async Task The_board_shows_cards_coloured_and_named_by_knowledge_source_in_columns_per_cluster()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Cluster));
        var s = session.StepIds;
        var (ans, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        var (mark, _) = await factory.ParticipantAsync(session.Id, name: "Mark", perspective: Perspective.Professional);
        var (lisa, _) = await factory.ParticipantAsync(session.Id, name: "Lisa", perspective: Perspective.Scientific);
        var cluster = await factory.ClusterAsync(session.Id, "Samen eten");
        await factory.NoteAsync(session.Id, s[0], ans, "Soep op zondag", cluster);
        await factory.NoteAsync(session.Id, s[0], mark, "Wijkteam schuift aan");
        await factory.NoteAsync(session.Id, s[0], lisa, "Onderzoek naar maaltijden");
        await factory.GoToStepAsync(session.Id, s[1]);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");

        var columns = page.Document.QuerySelectorAll(".pt-board > .pt-cluster");
        Assert.Equal(2, columns.Length);
        Assert.Contains("Nog niet in een cluster", columns[0].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Samen eten", columns[1].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        var soup = columns[1].QuerySelector(".pt-note")!;
        Assert.Contains("pt-note--experience", soup.ClassList);
        Assert.Equal("Ervaringskennis", soup.QuerySelector(".pt-note__source")!.TextContent.Trim());
        var cards = columns[0].QuerySelectorAll(".pt-note");
        Assert.Contains(cards, c => c.ClassList.Contains("pt-note--professional") && c.QuerySelector(".pt-note__source")!.TextContent.Trim() == "Professionele kennis");
        Assert.Contains(cards, c => c.ClassList.Contains("pt-note--scientific") && c.QuerySelector(".pt-note__source")!.TextContent.Trim() == "Wetenschappelijke kennis");
        // The keyboard path stays: a select per card with the clusters.
        Assert.All(page.Document.QuerySelectorAll(".pt-board .pt-note"), c => Assert.NotNull(c.QuerySelector("select[name='Input.ClusterId']")));
        // The loose list is not shown twice.
        Assert.Single(page.Document.QuerySelectorAll("ul[data-pt-cluster='']"));

        // The wall screen shows the same board without buttons, in its own layout without the site header.
        var wall = await facilitator.OpenAsync($"/sessies/{session.Id}/scherm");
        Assert.Null(wall.Document.QuerySelector(".pt-header"));
        Assert.Null(wall.Document.QuerySelector(".pt-footer"));
        Assert.Equal(3, wall.Document.QuerySelectorAll("#bord .pt-note").Length);
        Assert.Empty(wall.Document.QuerySelectorAll("#bord form, #bord button"));
        Assert.Equal(JoinCodes.Display(session.JoinCode), wall.Document.QuerySelector(".pt-wall__code")!.TextContent.Trim());
        Assert.NotNull(wall.Document.QuerySelector(".pt-wall__qr svg"));
    }

    [Fact]
    public async Task Stippen_are_drawn_on_the_cards_after_the_vote_is_closed()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote, Votes: 3, SeveralPerNote: true));
        var s = session.StepIds;
        var (ans, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans");
        var (riet, key) = await factory.ParticipantAsync(session.Id, name: "Riet");
        var soup = await factory.NoteAsync(session.Id, s[0], ans, "Soep op zondag");
        var walk = await factory.NoteAsync(session.Id, s[0], riet, "Wandelen");
        await factory.VoteAsync(session.Id, s[1], ans, soup);
        await factory.VoteAsync(session.Id, s[1], riet, soup);
        await factory.VoteAsync(session.Id, s[1], riet, walk);
        await factory.GoToStepAsync(session.Id, s[1]);
        using var guest = factory.GuestBrowser(session.Id, key!);

        // While the vote is open nobody sees the count.
        var open = await guest.OpenAsync($"/sessies/{session.Id}");
        Assert.Empty(open.Document.QuerySelectorAll("[data-pt-dots]"));

        await factory.StepAsync(s[1], x => x.VotingClosed = true);
        var page = await guest.OpenAsync($"/sessies/{session.Id}");
        var soupDots = page.Document.QuerySelector($"#post-it-{soup} [data-pt-dots]")!;
        Assert.Contains("2 stippen", soupDots.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, soupDots.QuerySelectorAll(".pt-dot").Length);
        Assert.Equal("true", soupDots.QuerySelector(".pt-dots")!.GetAttribute("aria-hidden"));
        Assert.Contains("1 stip", page.Document.QuerySelector($"#post-it-{walk} [data-pt-dots]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1 stippen", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_have_separate_headers_plain_counts_of_people_a_scroll_cue_and_a_warning_for_a_missing_source()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote, Votes: 3));
        var s = session.StepIds;
        var (ans, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        var (mark, _) = await factory.ParticipantAsync(session.Id, name: "Mark", perspective: Perspective.Professional);
        var (piet, _) = await factory.ParticipantAsync(session.Id, name: "Piet", perspective: Perspective.Professional);
        var soup = await factory.NoteAsync(session.Id, s[0], ans, "Soep op zondag");
        await factory.VoteAsync(session.Id, s[1], ans, soup);
        await factory.VoteAsync(session.Id, s[1], mark, soup);
        await factory.VoteAsync(session.Id, s[1], piet, soup);
        await factory.GoToStepAsync(session.Id, s[1]);
        await factory.StepAsync(s[1], x => x.VotingClosed = true);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        foreach (var path in new[] { $"/sessies/{session.Id}", $"/sessies/{session.Id}/samenvatting" })
        {
            var page = await facilitator.OpenAsync(path);
            var table = page.Document.QuerySelector("table.pt-results")!;
            // A header per column: the groups per knowledge source, then "Stippen" and "Deel" under each.
            // Each group names its voters (issue 15); under the default threshold of 3 both groups are small.
            var groups = table.QuerySelectorAll("thead th[scope=colgroup]")
                .Select(th => string.Join(' ', th.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
            Assert.Equal(["Ervaringskennis 1 persoon · te weinig mensen", "Professionele kennis 2 mensen · te weinig mensen"], groups);
            var sub = table.QuerySelectorAll("thead tr")[1].QuerySelectorAll("th").Select(th => th.FirstChild!.TextContent.Trim()).ToList();
            Assert.Equal(["Stippen", "Deel", "Stippen", "Deel"], sub);
            // One number per cell: no "1 (33 %)".
            var row = table.QuerySelector("tbody tr")!;
            Assert.All(row.QuerySelectorAll("td"), td => Assert.DoesNotContain("(", td.TextContent, StringComparison.Ordinal));
            Assert.Equal(["–", "3", "100 %", "1", "100 %", "2", "100 %"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
            // People counted in plain words.
            Assert.Contains("Ervaringskennis: 1 persoon, 1 stip", page.MainText, StringComparison.Ordinal);
            Assert.Contains("Professionele kennis: 2 mensen, 2 stippen", page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain("1 mensen", page.MainText, StringComparison.Ordinal);
            // The source that did not vote is named.
            Assert.Contains("Er is niet gestemd vanuit wetenschappelijke kennis; de gebalanceerde telling gaat over twee kennisbronnen.",
                page.Document.QuerySelector("[data-results-missing]")!.TextContent.Trim(), StringComparison.Ordinal);
            // A phone scrolls the table sideways: a focusable, labelled region with a visible cue.
            var region = table.ParentElement!;
            Assert.Equal("region", region.GetAttribute("role"));
            Assert.Equal("0", region.GetAttribute("tabindex"));
            Assert.NotNull(page.Document.GetElementById(region.GetAttribute("aria-labelledby")!));
            var cue = page.Document.GetElementById(region.GetAttribute("aria-describedby")!)!;
            Assert.Equal("Schuif opzij voor meer kolommen.", cue.TextContent.Trim());
        }
    }

    [Fact]
    public async Task No_warning_when_every_source_voted_and_two_missing_sources_are_named_together()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Closed, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote, Votes: 3), new StepSeed(StepMode.Vote, Votes: 3));
        var s = session.StepIds;
        var (ans, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        var (mark, _) = await factory.ParticipantAsync(session.Id, name: "Mark", perspective: Perspective.Professional);
        var (lisa, _) = await factory.ParticipantAsync(session.Id, name: "Lisa", perspective: Perspective.Scientific);
        var soup = await factory.NoteAsync(session.Id, s[0], ans, "Soep op zondag");
        foreach (var p in new[] { ans, mark, lisa }) await factory.VoteAsync(session.Id, s[1], p, soup);
        await factory.VoteAsync(session.Id, s[2], ans, soup);
        await factory.StepAsync(s[1], x => x.VotingClosed = true);
        await factory.StepAsync(s[2], x => x.VotingClosed = true);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}/samenvatting");
        var warnings = page.Document.QuerySelectorAll("[data-results-missing]").Select(w => w.TextContent.Trim()).ToList();
        Assert.Equal(["Er is niet gestemd vanuit professionele kennis en wetenschappelijke kennis; de gebalanceerde telling gaat over één kennisbron."], warnings);
    }
}
