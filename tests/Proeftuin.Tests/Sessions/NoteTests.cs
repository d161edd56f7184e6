using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

public sealed class NoteTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Without_javascript_a_member_adds_edits_and_deletes_a_note_with_forms()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/sessies/{session.Id}");

        using (var added = await member.SubmitAsync(page.FormWithAction("handler=Add"), new { Input_Text = "Eerste regel\nTweede regel" }))
            Assert.Equal($"/sessies/{session.Id}#post-its", Expect.LocationPath(added));
        var noteId = await factory.WithDbAsync(db => db.Notes.Where(n => n.SessionId == session.Id).Select(n => n.Id).SingleAsync());
        page = await member.OpenAsync($"/sessies/{session.Id}");
        var card = page.Document.QuerySelector($"#post-it-{noteId} .pt-note__text");
        Assert.Equal("Eerste regel\nTweede regel", card!.TextContent);
        Assert.Contains("Je post-it is geplaatst.", page.BodyText, StringComparison.Ordinal);

        var edit = await member.OpenAsync($"/sessies/{session.Id}/post-its/{noteId}");
        Assert.Equal("Eerste regel\nTweede regel", edit.Document.QuerySelector("textarea")!.TextContent.Trim());
        using (var edited = await member.SubmitAsync(edit.FormWithAction("handler=Edit"), new { Input_Text = "Aangepast" }))
            Assert.Equal($"/sessies/{session.Id}#post-it-{noteId}", Expect.LocationPath(edited));
        Assert.Equal("Aangepast", await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == noteId).Select(n => n.Text).SingleAsync()));

        page = await member.OpenAsync($"/sessies/{session.Id}");
        using (var deleted = await member.SubmitAsync(page.FormWithAction($"post-its/{noteId}?handler=Delete"), new { }))
            Assert.Equal($"/sessies/{session.Id}#post-its", Expect.LocationPath(deleted));
        Assert.Equal(0, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Bad_text_is_refused_with_a_dutch_message_and_markup_is_kept_as_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");

        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, ""), "Vul je post-it in.");
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, "   \n "), "Vul je post-it in.");
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, TestData.Long(SessionLimits.Note + 1)), "maximaal 500 tekens");
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, TestData.Long(5_000)), "maximaal 500 tekens");
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, "nul\0teken"));
        Assert.True((await guest.CallAsync("AddNote", session.Id, TestData.Long(SessionLimits.Note))).Ok);
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));

        var script = await guest.CallAsync("AddNote", session.Id, TestData.Script);
        Assert.True(script.Ok, script.Error);
        Assert.Equal(TestData.Script, await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == script.Id).Select(n => n.Text).SingleAsync()));
        var page = await guest.Browser.OpenAsync($"/sessies/{session.Id}");
        Expect.ShownAsText(page);

        // The form shows the message and keeps the page usable.
        var form = page.FormWithAction("handler=Add");
        await Expect.FormErrorAsync(await guest.Browser.SubmitAsync(form, new { Input_Text = "  " }), "Vul je post-it in.");
        await Expect.FormErrorAsync(await guest.Browser.SubmitAsync(form, new { Input_Text = TestData.Long(5_000) }), "maximaal 500 tekens");
        Assert.Equal(2, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Wrong_ids_and_other_peoples_notes_are_refused_but_the_facilitator_may_remove_any_note()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var other = await factory.SessionAsync(team.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        await using var member = await factory.MemberSeatAsync(team.Member.Email!, session.Id);
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        var elsewhere = await factory.NoteAsync(other.Id, other.StepIds[0], (await factory.ParticipantAsync(other.Id)).Id, "Elders");
        var guestsNote = (await guest.CallAsync("AddNote", session.Id, "Van Fatima")).Id!.Value;

        SessionSeats.Refused(await guest.CallAsync("EditNote", session.Id, elsewhere, "Overschreven"), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("DeleteNote", session.Id, elsewhere), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("EditNote", other.Id, elsewhere, "Overschreven"), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("DeleteNote", session.Id, 987_654), "bestaat niet");
        SessionSeats.Refused(await member.CallAsync("EditNote", session.Id, guestsNote, "Van mij nu"), "Dit mag je nu niet doen.");
        SessionSeats.Refused(await member.CallAsync("DeleteNote", session.Id, guestsNote), "Dit mag je nu niet doen.");
        using (var response = await member.Browser.PostAsync($"/sessies/{session.Id}/post-its/{guestsNote}?handler=Delete", new { }))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await member.Browser.GetAsync($"/sessies/{session.Id}/post-its/{guestsNote}"))
            Expect.Status(HttpStatusCode.NotFound, response);
        Assert.Equal("Elders", await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == elsewhere).Select(n => n.Text).SingleAsync()));

        var deleted = await facilitator.CallAsync("DeleteNote", session.Id, guestsNote);
        Assert.True(deleted.Ok, deleted.Error);
        await member.Live.WaitForAsync("NoteDeleted", a => a[0].GetInt32() == guestsNote);
        Assert.Equal(0, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Only_write_and_share_steps_take_notes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Share), new StepSeed(StepMode.Cluster), new StepSeed(StepMode.Vote));
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var note = (await guest.CallAsync("AddNote", session.Id, "Gedeeld")).Id!.Value;
        await factory.GoToStepAsync(session.Id, session.StepIds[1]);
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, "In het clusteren"), "In deze stap kun je geen post-its schrijven.");
        SessionSeats.Refused(await guest.CallAsync("EditNote", session.Id, note, "Nog even"), "niet meer veranderen");
        SessionSeats.Refused(await guest.CallAsync("DeleteNote", session.Id, note), "niet meer veranderen");
        await factory.GoToStepAsync(session.Id, session.StepIds[2]);
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, "In het stemmen"), "In deze stap kun je geen post-its schrijven.");
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Flooding_stops_at_twenty_a_minute_and_at_the_session_limit_counted_in_the_database()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Snel");
        for (var i = 0; i < WriteNote.PerMinute; i++)
            Assert.True((await guest.CallAsync("AddNote", session.Id, $"Idee {i}")).Ok);
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, "Nummer 21"), "Wacht een minuut");
        // The form path counts the same notes.
        var page = await guest.Browser.OpenAsync($"/sessies/{session.Id}");
        await Expect.FormErrorAsync(await guest.Browser.SubmitAsync(page.FormWithAction("handler=Add"), new { Input_Text = "Via het formulier" }), "Wacht een minuut");
        Assert.Equal(WriteNote.PerMinute, await factory.NoteCountAsync(session.Id));

        // Over the session's limit, even when written slowly.
        await using var busy = await factory.GuestSeatAsync(session.Id, "Druk");
        var longAgo = factory.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < SessionLimits.NotesPerParticipant; i++)
                db.Notes.Add(new Note { SessionId = session.Id, StepId = session.StepIds[0], ParticipantId = busy.ParticipantId, Text = $"Oud {i}", CreatedAt = longAgo });
            return await db.SaveChangesAsync();
        });
        SessionSeats.Refused(await busy.CallAsync("AddNote", session.Id, "Nog één"), "grootste aantal post-its");
    }
}
