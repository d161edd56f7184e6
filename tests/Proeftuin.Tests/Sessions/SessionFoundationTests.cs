
namespace Proeftuin.Tests.Sessions;

public sealed class SessionFoundationTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Team_member_opening_the_page_joins_and_enters_over_the_hub()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/sessies/{session.Id}");
        Assert.NotNull(page.Document.QuerySelector("#pt-sessie"));
        await using var live = await member.ConnectAsync();
        var view = await live.EnterAsync(session.Id);
        Assert.Equal(session.Id, view.Id);
        Assert.NotNull(view.Me.ParticipantId);
        Assert.True(view.Me.CanAct);
        Assert.False(view.Me.IsFacilitator);
    }

    [Fact]
    public async Task Guest_with_cookie_enters_only_their_session()
    {
        var team = await factory.Data.TeamProjectAsync(Features.Projects.Visibility.Open);
        var session = await factory.SessionAsync(team.Id);
        var other = await factory.SessionAsync(team.Id);
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast", perspective: Perspective.Experience);
        using var guest = factory.GuestBrowser(session.Id, key!);
        await using var live = await guest.ConnectAsync();
        var view = await live.EnterAsync(session.Id);
        Assert.True(view.Me.IsGuest);
        Assert.Null(view.Participants);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => live.EnterAsync(other.Id));
        using var page = await guest.GetAsync($"/sessies/{other.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Signed_out_and_other_projects_do_not_see_a_session_of_an_open_project()
    {
        var team = await factory.Data.TeamProjectAsync(Features.Projects.Visibility.Open);
        var session = await factory.SessionAsync(team.Id);
        using var anonymous = factory.NewBrowser();
        using var response = await anonymous.GetAsync($"/sessies/{session.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var outsider = await factory.Data.UserAsync();
        using var stranger = await factory.SignInAsync(outsider.Email!);
        await using var live = await stranger.ConnectAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => live.EnterAsync(session.Id));
    }
}
