using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Activities;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Tests.Activities;

/// <summary>Activities: plan, sign up (accounts and guests), waiting list (also under concurrency), cancel, calendar files, reminders, API, bad input.</summary>
public sealed class ActivityTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private DateOnly LocalDay(int days) => DateOnly.FromDateTime(Proeftuin.Shared.Dates.Local(factory.Clock.GetUtcNow().UtcDateTime)).AddDays(days);

    private string Day(int days) => LocalDay(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] Plan(string title, string day, string start = "14:00", string end = "16:00", string capacity = "", string place = "Buurtkamer De Linde", string type = "Walk") =>
        [F("Input.Type", type), F("Input.Title", title), F("Input.Day", day), F("Input.StartTime", start), F("Input.EndTime", end), F("Input.Place", place),
         F("Input.Accessibility", "Drempelvrij"), F("Input.Capacity", capacity), F("Input.Description", "We **lopen** samen.")];

    [Fact]
    public async Task A_facilitator_plans_an_activity_a_guest_signs_up_and_cancels_by_the_mailed_link()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Assert.Contains((await facilitator.OpenAsync($"/projecten/{team.Id}")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/activiteiten?project={team.Id}");
        var list = await facilitator.OpenAsync($"/activiteiten?project={team.Id}");
        Assert.Contains(list.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/activiteiten/nieuw?project={team.Id}");

        var form = await facilitator.OpenAsync($"/activiteiten/nieuw?project={team.Id}");
        int id;
        using (var made = await facilitator.SubmitAsync(form.FormFor("Input.Title"), Plan("Wandeling door de wijk", Day(10), capacity: "1")))
            id = Expect.RedirectToId(made, "/activiteiten/");
        var saved = await factory.ActivityRowAsync(id);
        Assert.Equal((team.Id, ActivityType.Walk, 1, 0), (saved.ProjectId!.Value, saved.Type, saved.Capacity!.Value, saved.Sequence));
        Assert.Contains("<strong>lopen</strong>", saved.DescriptionHtml, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(Proeftuin.Shared.Dates.Local(saved.StartsAt)));

        // A guest on the activity's page: name and e-mail, no account.
        using var guest = factory.NewBrowser();
        var page = await guest.OpenAsync($"/activiteiten/{id}");
        Assert.Contains("Nog 1 van 1 plaatsen vrij", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Drempelvrij", page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/activiteiten/{id}.ics");
        var email = TestData.UniqueEmail("gast");
        using (var signed = await guest.SubmitAsync(page.FormFor("Input.Email"), [F("Input.Name", "Riet"), F("Input.Email", email.ToUpperInvariant())]))
            Expect.Redirect(signed, $"/activiteiten/{id}");
        var cancelLink = factory.Mailbox.LinkTo(email, $"/activiteiten/{id}/afmelden");

        // The activity is full: the member goes on the waiting list (place 1).
        using var member = await factory.SignInAsync(team.Member.Email!);
        page = await member.OpenAsync($"/activiteiten/{id}");
        Assert.Contains("De activiteit is vol.", page.MainText, StringComparison.Ordinal);
        using (var waiting = await member.SubmitAsync(page.FormWithAction("/aanmelden")))
            Expect.Redirect(waiting, $"/activiteiten/{id}");
        Assert.Contains("Je staat op de wachtlijst (plek 1)", (await member.OpenAsync($"/activiteiten/{id}")).MainText, StringComparison.Ordinal);
        // Twice is refused, nothing saved.
        await Expect.FormErrorAsync(await member.PostAsync($"/activiteiten/{id}/aanmelden"), RegisterForActivity.TwiceWaiting);
        Assert.Equal(2, (await factory.RegistrationsAsync(id)).Count);

        // The facilitator sees the list, with the guest's e-mail; the member does not get the list.
        var regs = await facilitator.OpenAsync($"/activiteiten/{id}/aanmeldingen");
        Assert.Contains(email, regs.MainText, StringComparison.Ordinal);
        Assert.Contains(team.Member.DisplayName!, regs.MainText, StringComparison.Ordinal);
        using (var denied = await member.GetAsync($"/activiteiten/{id}/aanmeldingen")) Expect.Status(HttpStatusCode.Forbidden, denied);

        // The guest cancels by the link, without signing in (the page asks first); the member moves up and is told.
        using var other = factory.NewBrowser();
        var confirm = await other.OpenAsync(cancelLink);
        Assert.Equal(2, (await factory.RegistrationsAsync(id)).Count(r => r.Status != RegistrationStatus.Cancelled));
        using (var cancelled = await other.SubmitAsync(confirm.FormWithAction("/afmelden"))) Expect.Redirect(cancelled, $"/activiteiten/{id}");
        var after = await factory.RegistrationsAsync(id);
        Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Registered], after.Select(r => r.Status));
        Assert.Equal(1, (await factory.ActivityRowAsync(id)).RegisteredCount);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Member.Id && n.Url == $"/activiteiten/{id}")));
        Assert.Contains("Er is plek", factory.Mailbox.NewestTo(team.Member.Email!).Subject, StringComparison.Ordinal);
        // The link is used up.
        Assert.Contains(CancelRegistration.NoLink, (await other.OpenAsync(cancelLink)).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_sign_ups_for_k_places_give_exactly_k_registered_and_the_rest_waiting()
    {
        var project = await factory.Data.ProjectAsync();
        var id = await factory.ActivityAsync(project, capacity: 3);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => factory.GuestRegistersAsync(id, $"Gast {i}", TestData.UniqueEmail("parallel"))));
        Assert.All(outcomes, o => Assert.True(o.IsOk));
        var regs = await factory.RegistrationsAsync(id);
        Assert.Equal(3, regs.Count(r => r.Status == RegistrationStatus.Registered));
        Assert.Equal(9, regs.Count(r => r.Status == RegistrationStatus.WaitingList));
        Assert.Equal(3, (await factory.ActivityRowAsync(id)).RegisteredCount);
    }

    [Fact]
    public async Task A_cancellation_and_a_sign_up_at_the_same_moment_leave_the_places_right()
    {
        var project = await factory.Data.ProjectAsync();
        for (var round = 0; round < 3; round++)
        {
            var id = await factory.ActivityAsync(project, capacity: 2);
            var first = await factory.GuestRegistersAsync(id, "Een", TestData.UniqueEmail("a"));
            await factory.GuestRegistersAsync(id, "Twee", TestData.UniqueEmail("b"));
            await factory.GuestRegistersAsync(id, "Drie", TestData.UniqueEmail("c"));
            var cancel = factory.WithScopeAsync(sp => sp.GetRequiredService<CancelRegistration>().CancelAsync(first.Value!, default));
            var signUps = Enumerable.Range(0, 3).Select(i => factory.GuestRegistersAsync(id, $"Nieuw {i}", TestData.UniqueEmail("d")));
            await Task.WhenAll([cancel, .. signUps]);
            var regs = await factory.RegistrationsAsync(id);
            Assert.Equal(2, regs.Count(r => r.Status == RegistrationStatus.Registered));
            Assert.Equal(1, regs.Count(r => r.Status == RegistrationStatus.Cancelled));
            Assert.Equal(3, regs.Count(r => r.Status == RegistrationStatus.WaitingList));
            Assert.Equal(2, (await factory.ActivityRowAsync(id)).RegisteredCount);
            // The first on the waiting list moved up: "Drie" signed up before every new one.
            Assert.Equal(RegistrationStatus.Registered, regs.Single(r => r.GuestName == "Drie").Status);
        }
    }

    [Fact]
    public async Task Bad_input_gives_clear_Dutch_errors_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var foreignSession = await factory.WithDbAsync(async db =>
        {
            var s = new Proeftuin.Features.Sessions.LiveSession { ProjectId = other.Id, Title = "Andere sessie", JoinCode = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), CreatedAt = DateTime.UtcNow };
            db.Sessions.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var form = (await facilitator.OpenAsync($"/activiteiten/nieuw?project={team.Id}")).FormFor("Input.Title");
        var before = await factory.WithDbAsync(db => db.Set<Activity>().CountAsync());

        async Task Refused(KeyValuePair<string, string>[] fields, string message) =>
            await Expect.FormErrorAsync(await facilitator.SubmitAsync(form, fields), message);

        await Refused(Plan("Te laat", Day(-1)), "Dit moment is al voorbij.");
        await Refused(Plan("Omgekeerd", Day(5), "16:00", "14:00"), "De eindtijd ligt voor de begintijd.");
        await Refused(Plan("Geen plek", Day(5), capacity: "0"), "Vul bij het aantal plaatsen een getal van 1 tot");
        await Refused(Plan("Min", Day(5), capacity: "-3"), "Vul bij het aantal plaatsen een getal van 1 tot");
        await Refused(Plan("Tekst", Day(5), capacity: "veel"), "Vul bij het aantal plaatsen een getal van 1 tot");
        await Refused(Plan(TestData.Long(5000), Day(5)), "is te lang: maximaal 200 tekens.");
        await Refused(Plan(TestData.Script, Day(5)), "mag geen HTML bevatten.");
        await Refused(Plan("Leeg", ""), "Vul de datum in.");
        await Refused(Plan("Tijd", Day(5), "25:99"), "als uren en minuten");
        await Refused([.. Plan("Sessie", Day(5)), F("Input.SessionId", foreignSession.ToString(CultureInfo.InvariantCulture))], "Kies een live sessie van dit project.");
        await Refused([.. Plan("Reflectie", Day(5)), F("Input.ReflectionId", "999999")], "Kies een reflectie van dit project.");
        await Refused(Plan("Soort", Day(5), type: "Feest"), "Kies wat voor activiteit het is.");
        // The hour that does not exist when summer time starts (28 March 2027, 02:00–03:00).
        if (LocalDay(0) < new DateOnly(2027, 3, 28))
            await Refused(Plan("Zomertijd", "2027-03-28", "02:30", "04:00"), "Die tijd bestaat niet op deze dag");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Set<Activity>().CountAsync()));

        // Guests: bad e-mail, HTML name; registering on a cancelled or past activity.
        var id = await factory.ActivityAsync(team.Id, capacity: 5);
        using var guest = factory.NewBrowser();
        var signup = (await guest.OpenAsync($"/activiteiten/{id}")).FormFor("Input.Email");
        await Expect.FormErrorAsync(await guest.SubmitAsync(signup, [F("Input.Name", "Riet"), F("Input.Email", "geen-adres")]), "Vul een geldig e-mailadres in");
        await Expect.FormErrorAsync(await guest.SubmitAsync(signup, [F("Input.Name", TestData.Script), F("Input.Email", TestData.UniqueEmail())]), "mag geen HTML bevatten.");
        await Expect.FormErrorAsync(await guest.SubmitAsync(signup, [F("Input.Name", ""), F("Input.Email", "")]), "Vul je naam in.");
        var email = TestData.UniqueEmail("twee");
        using (await guest.SubmitAsync(signup, [F("Input.Name", "Riet"), F("Input.Email", email)])) { }
        await Expect.FormErrorAsync(await guest.SubmitAsync(signup, [F("Input.Name", "Riet"), F("Input.Email", email)]), RegisterForActivity.Twice);
        Assert.Single(await factory.RegistrationsAsync(id));

        var past = await factory.ActivityAsync(team.Id, startsAt: factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        Assert.Equal(RegisterForActivity.Past, (await factory.GuestRegistersAsync(past, "Riet", TestData.UniqueEmail())).Errors.Single().Message);
        var cancelPage = await facilitator.OpenAsync($"/activiteiten/{id}/afgelasten");
        await Expect.FormErrorAsync(await facilitator.SubmitAsync(cancelPage.FormFor("Input.Reason"), [F("Input.Reason", "")]), "Vul de reden in.");
        using (var done = await facilitator.SubmitAsync(cancelPage.FormFor("Input.Reason"), [F("Input.Reason", "De ruimte is dicht.")])) Expect.Redirect(done, $"/activiteiten/{id}");
        Assert.Equal(RegisterForActivity.Cancelled, (await factory.GuestRegistersAsync(id, "Riet", TestData.UniqueEmail())).Errors.Single().Message);
        Assert.Contains("Afgelast", factory.Mailbox.NewestTo(email).Subject, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditAction.ActivityCancelled && e.SubjectId == id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal((team.Id, team.Facilitator.Id), (audit.ProjectId!.Value, audit.ActorUserId));
        // Editing a cancelled one is refused.
        using (var edit = await facilitator.GetAsync($"/activiteiten/{id}/bewerken")) Expect.Status(HttpStatusCode.OK, edit);
    }

    [Fact]
    public async Task Members_only_activities_are_404_for_outsiders_and_hidden_ones_are_gone_from_lists_api_and_feed()
    {
        var closed = await factory.Data.TeamProjectAsync(Proeftuin.Features.Projects.Visibility.MembersOnly);
        var id = await factory.ActivityAsync(closed.Id, title: "Besloten bijeenkomst");
        using var anonymous = factory.NewBrowser();
        foreach (var url in new[] { $"/activiteiten/{id}", $"/activiteiten/{id}.ics", $"/api/v1/activities/{id}.ics", $"/activiteiten/{id}/aanmelden", $"/projecten/{closed.Id}/activiteiten.ics" })
            using (var r = await anonymous.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, r, url);
        Assert.DoesNotContain("Besloten bijeenkomst", (await anonymous.OpenAsync("/activiteiten")).MainText, StringComparison.Ordinal);
        Assert.Equal(0, (await factory.GuestRegistersAsync(id, "Riet", TestData.UniqueEmail())).Status == Proeftuin.Web.OutcomeStatus.NotFound ? 0 : 1);
        using var member = await factory.SignInAsync(closed.Member.Email!);
        Assert.Contains("Besloten bijeenkomst", (await member.OpenAsync("/activiteiten")).MainText, StringComparison.Ordinal);

        var open = await factory.Data.TeamProjectAsync();
        var hidden = await factory.ActivityAsync(open.Id, title: "Verborgen activiteit", hiddenAt: DateTime.UtcNow);
        Assert.DoesNotContain("Verborgen activiteit", (await anonymous.OpenAsync($"/activiteiten?project={open.Id}")).MainText, StringComparison.Ordinal);
        using (var r = await anonymous.GetAsync($"/activiteiten/{hidden}")) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await anonymous.GetAsync("/api/v1/activities")) Assert.DoesNotContain("Verborgen activiteit", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var r = await anonymous.GetAsync($"/projecten/{open.Id}/activiteiten.ics")) Assert.DoesNotContain("Verborgen", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var facilitator = await factory.SignInAsync(open.Facilitator.Email!);
        using (var r = await facilitator.GetAsync($"/activiteiten/{hidden}")) Expect.Status(HttpStatusCode.OK, r);
    }

    [Fact]
    public async Task The_calendar_file_reads_back_in_Amsterdam_time_also_across_summer_time_and_tracks_edits_and_cancelling()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        // 29 March 2027 is the day after the clocks go forward; a day in winter for contrast.
        var summer = new DateOnly(2027, 3, 29);
        var winter = LocalDay(20);
        var ids = new List<int>();
        foreach (var (day, title) in new[] { (winter, "Wintermiddag"), (summer, "Voorjaarsmiddag") })
        {
            var form = await facilitator.OpenAsync($"/activiteiten/nieuw?project={team.Id}");
            using var made = await facilitator.SubmitAsync(form.FormFor("Input.Title"), Plan(title, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "14:00", "16:30"));
            ids.Add(Expect.RedirectToId(made, "/activiteiten/"));
        }

        var text = await (await facilitator.GetAsync($"/api/v1/activities/{ids[1]}.ics")).Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Amsterdam", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20270329T140000", text, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("Europe/Amsterdam", e.Start!.TzId);
        Assert.Equal(new DateTime(2027, 3, 29, 14, 0, 0), e.Start.Value);
        Assert.Equal(new DateTime(2027, 3, 29, 12, 0, 0, DateTimeKind.Utc), e.Start.AsUtc);   // summer time: UTC+2
        Assert.Equal(new DateTime(2027, 3, 29, 16, 30, 0), e.End!.Value);
        Assert.Equal("Buurtkamer De Linde", e.Location);
        Assert.EndsWith($"/activiteiten/{ids[1]}", e.Url!.ToString(), StringComparison.Ordinal);
        var uid = e.Uid;
        Assert.Equal(0, e.Sequence);

        // The project's feed: both, the winter one at UTC+1.
        using (var feedResponse = await facilitator.GetAsync($"/projecten/{team.Id}/activiteiten.ics"))
        {
            Assert.Equal("text/calendar", feedResponse.Content.Headers.ContentType!.MediaType);
            var feed = Ical.Net.Calendar.Load(await feedResponse.Content.ReadAsStringAsync())!;
            Assert.Equal(2, feed.Events.Count);
            var w = feed.Events.Single(x => x.Summary == "Wintermiddag");
            Assert.Equal(new TimeOnly(14, 0), TimeOnly.FromDateTime(w.Start!.Value));
            Assert.Equal(winter.ToDateTime(new TimeOnly(14, 0)).AddHours(-Proeftuin.Features.Activities.ActivityTimes.Zone.GetUtcOffset(winter.ToDateTime(new TimeOnly(14, 0))).TotalHours), w.Start.AsUtc);
        }

        // An edit raises SEQUENCE and keeps the UID; cancelling marks it CANCELLED.
        var edit = await facilitator.OpenAsync($"/activiteiten/{ids[1]}/bewerken");
        using (var saved = await facilitator.SubmitAsync(edit.FormFor("Input.Title"), [F("Input.StartTime", "15:00"), F("Input.EndTime", "17:00")])) Expect.Redirect(saved, $"/activiteiten/{ids[1]}");
        var cancel = await facilitator.OpenAsync($"/activiteiten/{ids[1]}/afgelasten");
        using (var done = await facilitator.SubmitAsync(cancel.FormFor("Input.Reason"), [F("Input.Reason", "Ziek.")])) Expect.Redirect(done, $"/activiteiten/{ids[1]}");
        using var anonymous = factory.NewBrowser();
        var again = Assert.Single(Ical.Net.Calendar.Load(await (await anonymous.GetAsync($"/activiteiten/{ids[1]}.ics")).Content.ReadAsStringAsync())!.Events);
        Assert.Equal((uid, 2, "CANCELLED"), (again.Uid, again.Sequence, again.Status));
        Assert.Equal(new DateTime(2027, 3, 29, 15, 0, 0), again.Start!.Value);
    }

    [Fact]
    public async Task The_reminder_goes_once_the_day_before_also_when_two_runs_meet()
    {
        var project = await factory.Data.ProjectAsync();
        var member = await factory.Data.UserAsync();
        var soon = await factory.ActivityAsync(project, startsAt: factory.Clock.GetUtcNow().UtcDateTime.AddHours(20), title: "Morgen wandelen");
        var later = await factory.ActivityAsync(project, startsAt: factory.Clock.GetUtcNow().UtcDateTime.AddDays(5), title: "Later wandelen");
        var email = TestData.UniqueEmail("herinnering");
        await factory.GuestRegistersAsync(soon, "Riet", email);
        await factory.GuestRegistersAsync(later, "Riet", email);
        await factory.WithDbAsync(async db =>
        {
            db.Add(new ActivityRegistration { ActivityId = soon, UserId = member.Id, Status = RegistrationStatus.Registered, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return true;
        });
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            var n = 0;
            await factory.WithScopeAsync(async sp => n = await sp.GetRequiredService<SendActivityReminders>().RunOnceAsync());
            return n;
        }));
        Assert.Equal(2, runs.Sum());
        Assert.Single(factory.Mailbox.To(email), m => m.Subject?.StartsWith("Herinnering", StringComparison.Ordinal) == true);
        Assert.Single(factory.Mailbox.To(member.Email!), m => m.Subject?.StartsWith("Herinnering", StringComparison.Ordinal) == true);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == member.Id && n.Url == $"/activiteiten/{soon}")));
        var reminded = await factory.RegistrationsAsync(later);
        Assert.All(reminded, r => Assert.Null(r.ReminderSentAt));
    }

    [Fact]
    public async Task The_API_lists_activities_by_date_and_refuses_bad_dates_in_Dutch()
    {
        var project = await factory.Data.ProjectAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = await factory.ActivityAsync(project, capacity: 4, startsAt: now.AddDays(3), title: "API-wandeling");
        using var anonymous = factory.NewBrowser();
        var day = DateOnly.FromDateTime(Proeftuin.Shared.Dates.Local(now.AddDays(3))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = await anonymous.GetJsonAsync($"/api/v1/activities?from={day}&to={day}&project={project}");
        var item = Assert.Single(json.EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetInt32());
        Assert.Equal("walk", item.GetProperty("type").GetString());
        Assert.Equal(4, item.GetProperty("placesLeft").GetInt32());
        Assert.Empty((await anonymous.GetJsonAsync($"/api/v1/activities?from={DateOnly.FromDateTime(now).AddDays(10):yyyy-MM-dd}&project={project}")).EnumerateArray());
        foreach (var bad in new[] { "from=gisteren", "to=2026-13-45", "from=2027-01-10&to=2027-01-01", "programme=abc", "project=-1", "from=" + new string('9', 500) })
        {
            using var r = await anonymous.GetAsync($"/api/v1/activities?{bad}");
            Expect.Status(HttpStatusCode.BadRequest, r, bad);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Controleer de invoer", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Erasing_a_person_deletes_their_registrations_and_moves_the_waiting_list_up()
    {
        var project = await factory.Data.ProjectAsync();
        var person = await factory.Data.UserAsync();
        var id = await factory.ActivityAsync(project, capacity: 1);
        await factory.WithDbAsync(async db =>
        {
            db.Add(new ActivityRegistration { ActivityId = id, UserId = person.Id, Status = RegistrationStatus.Registered, CreatedAt = DateTime.UtcNow.AddMinutes(-5) });
            await db.Set<Activity>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.RegisteredCount, 1));
            await db.SaveChangesAsync();
            return true;
        });
        await factory.GuestRegistersAsync(id, "Wachter", TestData.UniqueEmail("wacht"));
        PersonalDataSection? section = null;
        await factory.WithScopeAsync(async sp =>
        {
            var contributor = sp.GetServices<IPersonalDataContributor>().OfType<ActivitiesPersonalData>().Single();
            section = await contributor.ExportAsync(new PersonRef(person.Id, person.Email!, person.DisplayName!), default);
            await contributor.EraseAsync(new PersonRef(person.Id, person.Email!, person.DisplayName!), ErasureChoices.WithdrawAll, default);
        });
        Assert.Single(section!.Rows);
        var regs = await factory.RegistrationsAsync(id);
        var left = Assert.Single(regs);
        Assert.Equal(("Wachter", RegistrationStatus.Registered), (left.GuestName, left.Status));
        Assert.Equal(1, (await factory.ActivityRowAsync(id)).RegisteredCount);
    }
}
