using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// The hub's contract in English (ADR 0018): /hubs/sessions, the old /hubs/sessie still mapped for one release, and
/// enums sent as names like the API does.
/// </summary>
public sealed class HubContractTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task The_hub_answers_on_the_new_english_path_and_for_one_release_on_the_old_one()
    {
        Assert.Equal("/hubs/sessions", SessionHub.Path);
        Assert.Equal("/hubs/sessie", SessionHub.LegacyPath);
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Fatima");
        using var guest = factory.GuestBrowser(session.Id, key!);

        foreach (var path in new[] { SessionHub.Path, SessionHub.LegacyPath })
        {
            await using var live = await guest.ConnectAsync(path);
            var view = await live.EnterAsync(session.Id);
            Assert.Equal("Fatima", view.Me.DisplayName);
            var reply = await live.CallAsync("AddNote", session.Id, "Via " + path);
            Assert.True(reply.Ok, reply.Error);
        }
        Assert.Equal(2, await factory.NoteCountAsync(session.Id));

        // The session page points its script at the new path and loads the English script names.
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/sessies/{session.Id}");
        Assert.Equal("/hubs/sessions", page.Document.QuerySelector("#pt-sessie")!.GetAttribute("data-hub"));
        // Pages link fingerprinted names (/js/session.<hash>.js); the name without its fingerprint is the contract.
        var scripts = page.Document.QuerySelectorAll("script[src]")
            .Select(s => System.Text.RegularExpressions.Regex.Replace(s.GetAttribute("src")!.Split('?')[0], @"\.[a-z0-9]{8,12}\.js$", ".js")).ToList();
        Assert.Contains("/js/session.js", scripts);
        Assert.Contains("/js/session-notes.js", scripts);
        Assert.DoesNotContain(scripts, s => s.Contains("sessie", StringComparison.Ordinal));
        foreach (var script in new[] { "/js/session.js", "/js/session-notes.js" })
        {
            using var response = await member.GetAsync(script);
            Expect.Status(HttpStatusCode.OK, response);
        }
    }

    [Fact]
    public async Task The_hub_sends_enums_as_names()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Fatima", perspective: Perspective.Experience);
        using var guest = factory.GuestBrowser(session.Id, key!);
        await using var live = await guest.ConnectAsync();
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);

        // The first answer, read as plain JSON.
        var state = await live.Connection.InvokeAsync<JsonElement>("Enter", session.Id);
        Assert.Equal("Running", state.GetProperty("state").GetString());
        Assert.Equal("Write", state.GetProperty("steps")[0].GetProperty("mode").GetString());
        Assert.Equal("Vote", state.GetProperty("steps")[1].GetProperty("mode").GetString());
        Assert.Equal("Experience", state.GetProperty("me").GetProperty("perspective").GetString());

        // Events too: a note's perspective, and the step that starts.
        Assert.True((await live.CallAsync("AddNote", session.Id, "Een bankje")).Ok);
        var note = await live.WaitForAsync("NoteAdded");
        Assert.Equal("Experience", note[0].GetProperty("authorPerspective").GetString());
        Assert.True((await facilitator.CallAsync("GoToStep", session.Id, session.StepIds[1])).Ok);
        var step = await live.WaitForAsync("StepStarted");
        Assert.Equal("Vote", step[0].GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.String, step[0].GetProperty("form").ValueKind);

        // The facilitator's timer action is sent by name now; an old page's number still works, rubbish does not.
        Assert.True((await facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], "Pause")).Ok);
        Assert.True((await facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], 2)).Ok);
        await Assert.ThrowsAnyAsync<Exception>(() => facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], "<script>"));
        var timer = await live.WaitForAsync("TimerChanged");
        Assert.Equal(JsonValueKind.String, timer[0].GetProperty("mode").ValueKind);
    }
}
