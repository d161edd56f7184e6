using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

public sealed class ClusterTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Facilitator_makes_names_fills_and_merges_clusters_and_everyone_is_told()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Share), new StepSeed(StepMode.Discuss));
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var a = (await guest.CallAsync("AddNote", session.Id, "Bankje")).Id!.Value;
        var b = (await guest.CallAsync("AddNote", session.Id, "Bank bij de bus")).Id!.Value;
        // Facilitators still cluster in a discuss step.
        await factory.GoToStepAsync(session.Id, session.StepIds[1]);

        var first = await facilitator.CallAsync("AddCluster", session.Id, "Zitplekken");
        var second = await facilitator.CallAsync("AddCluster", session.Id, "Zitten");
        Assert.True(first.Ok && second.Ok, first.Error ?? second.Error);
        await guest.Live.WaitForAsync("ClusterSaved", x => x[0].GetProperty("name").GetString() == "Zitplekken");

        Assert.True((await facilitator.CallAsync("MoveNote", session.Id, a, first.Id)).Ok);
        Assert.True((await facilitator.CallAsync("MoveNote", session.Id, b, second.Id)).Ok);
        await guest.Live.WaitForAsync("NoteChanged", x => x[0].GetProperty("id").GetInt32() == b && x[0].GetProperty("clusterId").GetInt32() == second.Id);

        Assert.True((await facilitator.CallAsync("RenameCluster", session.Id, first.Id, "Plekken om te zitten")).Ok);
        await guest.Live.WaitForAsync("ClusterSaved", x => x[0].GetProperty("name").GetString() == "Plekken om te zitten");

        var merged = await facilitator.CallAsync("MergeClusters", session.Id, second.Id, first.Id);
        Assert.True(merged.Ok, merged.Error);
        await guest.Live.WaitForAsync("ClusterDeleted", x => x[0].GetInt32() == second.Id);
        var clusters = await factory.WithDbAsync(db => db.Clusters.Where(c => c.SessionId == session.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal([first.Id!.Value], clusters);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Notes.CountAsync(n => n.SessionId == session.Id && n.ClusterId == first.Id)));

        // Out of every cluster again.
        Assert.True((await facilitator.CallAsync("MoveNote", session.Id, a, null)).Ok);
        Assert.Null(await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == a).Select(n => n.ClusterId).SingleAsync()));
    }

    [Fact]
    public async Task Participants_cluster_only_in_a_cluster_step_and_never_merge()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Cluster));
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var note = (await guest.CallAsync("AddNote", session.Id, "Bankje")).Id!.Value;
        SessionSeats.Refused(await guest.CallAsync("AddCluster", session.Id, "Te vroeg"), "In deze stap kun je geen clusters maken");

        await factory.GoToStepAsync(session.Id, session.StepIds[1]);
        var one = await guest.CallAsync("AddCluster", session.Id, "Zitten");
        var two = await guest.CallAsync("AddCluster", session.Id, "Groen");
        Assert.True(one.Ok && two.Ok);
        Assert.True((await guest.CallAsync("MoveNote", session.Id, note, one.Id)).Ok);
        Assert.True((await guest.CallAsync("RenameCluster", session.Id, two.Id, "Meer groen")).Ok);
        SessionSeats.Refused(await guest.CallAsync("MergeClusters", session.Id, two.Id, one.Id), "Dit mag je nu niet doen.");
        Assert.Equal(2, await factory.WithDbAsync(db => db.Clusters.CountAsync(c => c.SessionId == session.Id)));
    }

    [Fact]
    public async Task Wrong_ids_bad_names_and_hidden_notes_are_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true));
        var other = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Cluster));
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        await using var otherFacilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, other.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var hidden = (await guest.CallAsync("AddNote", session.Id, "Nog geheim")).Id!.Value;
        var cluster = (await facilitator.CallAsync("AddCluster", session.Id, "Zitten")).Id!.Value;
        var foreign = (await otherFacilitator.CallAsync("AddCluster", other.Id, "Elders")).Id!.Value;
        var foreignNote = await factory.NoteAsync(other.Id, other.StepIds[0], otherFacilitator.ParticipantId, "Elders");

        SessionSeats.Refused(await facilitator.CallAsync("MoveNote", session.Id, hidden, cluster), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("MoveNote", session.Id, hidden, foreign), "bestaat niet");
        SessionSeats.Refused(await facilitator.CallAsync("MoveNote", session.Id, foreignNote, cluster), "bestaat niet");
        SessionSeats.Refused(await facilitator.CallAsync("RenameCluster", session.Id, foreign, "Overgenomen"), "bestaat niet");
        SessionSeats.Refused(await facilitator.CallAsync("MergeClusters", session.Id, foreign, cluster), "bestaat niet");
        SessionSeats.Refused(await facilitator.CallAsync("MergeClusters", session.Id, cluster, cluster), "twee verschillende clusters");
        SessionSeats.Refused(await facilitator.CallAsync("AddCluster", session.Id, " "), "Vul een naam voor het cluster in.");
        SessionSeats.Refused(await facilitator.CallAsync("AddCluster", session.Id, TestData.Long(SessionLimits.ClusterName + 1)), "maximaal 100 tekens");
        SessionSeats.Refused(await facilitator.CallAsync("RenameCluster", session.Id, cluster, TestData.Long(5_000)), "maximaal 100 tekens");

        var script = await facilitator.CallAsync("AddCluster", session.Id, TestData.Script);
        Assert.True(script.Ok);
        await factory.StepAsync(session.StepIds[0], s => s.Revealed = true);
        var page = await facilitator.Browser.OpenAsync($"/sessies/{session.Id}");
        Expect.ShownAsText(page);
        Assert.Equal("Elders", await factory.WithDbAsync(db => db.Clusters.Where(c => c.Id == foreign).Select(c => c.Name).SingleAsync()));
        Assert.Null(await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == hidden).Select(n => n.ClusterId).SingleAsync()));
    }

    [Fact]
    public async Task Without_javascript_the_facilitator_makes_renames_moves_by_select_and_merges_with_forms()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Cluster));
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var note = await factory.NoteAsync(session.Id, session.StepIds[0], guest.ParticipantId, "Bankje");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");

        using (var made = await facilitator.SubmitAsync(page.FormWithAction("clusters?handler=New"), new { Input_Name = "Zitten" }))
            Assert.StartsWith($"/sessies/{session.Id}#cluster-", Expect.LocationPath(made));
        using (var made = await facilitator.SubmitAsync(page.FormWithAction("clusters?handler=New"), new { Input_Name = "Groen" }))
            Expect.Status(HttpStatusCode.Redirect, made);
        var ids = await factory.WithDbAsync(db => db.Clusters.Where(c => c.SessionId == session.Id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, ids.Count);

        page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        var move = page.Document.QuerySelector($"#post-it-{note} form[action*='handler=Move']") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.NotNull(move);
        Assert.NotNull(page.Document.QuerySelector($"label[for='verplaats-{note}']"));
        using (var moved = await facilitator.SubmitAsync(new HtmlForm(move, page.Url), new { Input_ClusterId = ids[1] }))
            Assert.Equal($"/sessies/{session.Id}#post-it-{note}", Expect.LocationPath(moved));
        Assert.Equal(ids[1], await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == note).Select(n => n.ClusterId).SingleAsync()));

        page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.NotNull(page.Document.QuerySelector($"#cluster-{ids[1]} #post-it-{note}"));
        var rename = page.Forms.First(f => f.Action.Contains("handler=Rename") && f.Fields.Any(x => x.Key == "Input.ClusterId" && x.Value == ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var renamed = await facilitator.SubmitAsync(rename, new { Input_Name = "Plekken om te zitten" }))
            Expect.Status(HttpStatusCode.Redirect, renamed);
        await Expect.FormErrorAsync(await facilitator.SubmitAsync(rename, new { Input_Name = "" }), "Vul een naam voor het cluster in.");

        var merge = page.Forms.First(f => f.Action.Contains("handler=Merge") && f.Fields.Any(x => x.Key == "Input.ClusterId" && x.Value == ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var merged = await facilitator.SubmitAsync(merge, new { Input_IntoClusterId = ids[0] }))
            Assert.Equal($"/sessies/{session.Id}#cluster-{ids[0]}", Expect.LocationPath(merged));
        Assert.Equal(ids[0], await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == note).Select(n => n.ClusterId).SingleAsync()));
        Assert.Equal("Plekken om te zitten", await factory.WithDbAsync(db => db.Clusters.Where(c => c.SessionId == session.Id).Select(c => c.Name).SingleAsync()));
    }
}
