namespace Proeftuin.Tests.Members;

/// <summary>Issue 9, point 11: facilitators see pending invitations and links on the members page and revoke them.</summary>
public sealed class RevokeInvitationTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string RevokedMessage = "Deze uitnodiging is ingetrokken door de procesbegeleider.";

    private static string Leden(int id) => $"/projecten/{id}/leden";

    private static async Task<string> InviteLinkAsync(Browser browser, int projectId)
    {
        var page = await browser.OpenAsync(Leden(projectId));
        using var response = await browser.SubmitAsync(page.FormFor("Invite.Email"), [new("Invite.Role", "Member")], formAction: $"/projecten/{projectId}/leden/uitnodigen?handler=Link");
        var shown = await browser.FollowAsync(response, Leden(projectId));
        return Mailbox.ExtractLink(shown.Text, "/uitnodiging/") ?? throw new InvalidOperationException("No invitation link on the page");
    }

    private static async Task InviteByEmailAsync(Browser browser, int projectId, string email)
    {
        var page = await browser.OpenAsync(Leden(projectId));
        using var response = await browser.SubmitAsync(page.FormFor("Invite.Email"), new { Invite_Email = email, Invite_Role = "Evaluator" });
        Expect.Redirect(response, Leden(projectId));
    }

    private Task<int> InvitationIdAsync(int projectId, string? email) =>
        factory.WithDbAsync(db => db.Invitations.Where(i => i.ProjectId == projectId && i.Email == email).OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync());

    [Fact]
    public async Task Facilitator_sees_pending_invitations_and_revoked_ones_stop_working()
    {
        var team = await factory.Data.TeamProjectAsync();
        var invitee = await factory.Data.UserAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var link = await InviteLinkAsync(facilitator, team.Id);
        await InviteByEmailAsync(facilitator, team.Id, invitee.Email!);
        var mailed = factory.Mailbox.LinkTo(invitee.Email!, "/uitnodiging/");

        var page = await facilitator.OpenAsync(Leden(team.Id));
        Assert.Contains("Openstaande uitnodigingen", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Uitnodigingslink (zonder e-mail)", page.MainText, StringComparison.Ordinal);
        Assert.Contains(invitee.Email!, page.MainText, StringComparison.Ordinal);
        Assert.Equal(2, page.Forms.Count(f => f.Action.Contains("handler=Revoke", StringComparison.Ordinal)));

        foreach (var email in new[] { null, invitee.Email })
        {
            var id = await InvitationIdAsync(team.Id, email);
            var current = await facilitator.OpenAsync(Leden(team.Id));
            var form = current.Forms.Single(f => f.Action.Contains("handler=Revoke", StringComparison.Ordinal) && f.Fields.Any(x => x.Key == "invitationId" && x.Value == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            using var response = await facilitator.SubmitAsync(form);
            var shown = await facilitator.FollowAsync(response, Leden(team.Id));
            Assert.Contains("De uitnodiging is ingetrokken. De link werkt niet meer.", shown.MainText, StringComparison.Ordinal);
        }
        var after = await facilitator.OpenAsync(Leden(team.Id));
        Assert.Contains("Er zijn geen uitnodigingen die nog openstaan.", after.MainText, StringComparison.Ordinal);

        // Both links now say, in plain Dutch, that they were taken back; accepting changes nothing.
        using var browser = await factory.SignInAsync(invitee.Email!);
        foreach (var url in new[] { link, mailed })
        {
            var view = await browser.GetPageAsync(url);
            Assert.Contains(RevokedMessage, view.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain(view.Forms, f => f.HasField("Perspective"));
            await Expect.FormErrorAsync(await browser.PostAsync(url, new { Perspective = "Experience" }), RevokedMessage);
        }
        Assert.Null(await factory.Data.MembershipAsync(team.Id, invitee.Id));
        // Nor from Mijn Proeftuin.
        Assert.DoesNotContain("Uitnodigingen voor jou", (await browser.OpenAsync("/mijn")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_invitation_is_not_listed_and_cannot_be_revoked()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var link = await InviteLinkAsync(facilitator, team.Id);
        var id = await InvitationIdAsync(team.Id, null);
        var joiner = await factory.Data.UserAsync();
        using (var browser = await factory.SignInAsync(joiner.Email!))
        using (var response = await browser.PostAsync(link, new { Perspective = "Experience" }))
            Expect.Redirect(response, $"/projecten/{team.Id}");

        var page = await facilitator.OpenAsync(Leden(team.Id));
        Assert.DoesNotContain(page.Forms, f => f.Action.Contains("handler=Revoke", StringComparison.Ordinal));
        await Expect.FormErrorAsync(await facilitator.PostAsync($"{Leden(team.Id)}?handler=Revoke", new { invitationId = id }), "Deze uitnodiging is al aangenomen.");
        Assert.NotNull(await factory.Data.MembershipAsync(team.Id, joiner.Id));
        Assert.Null(await factory.WithDbAsync(db => db.Invitations.Where(i => i.Id == id).Select(i => i.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Who_may_not_revoke_and_wrong_ids()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var link = await InviteLinkAsync(facilitator, team.Id);
        var id = await InvitationIdAsync(team.Id, null);

        foreach (var who in new[] { team.Member, team.Observer })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            var page = await browser.OpenAsync(Leden(team.Id));
            Assert.DoesNotContain("Openstaande uitnodigingen", page.MainText, StringComparison.Ordinal);
            using var response = await browser.PostAsync($"{Leden(team.Id)}?handler=Revoke", new { invitationId = id });
            Expect.Status(HttpStatusCode.Forbidden, response, "revoke as " + who.DisplayName);
        }
        using (var anonymous = factory.NewBrowser())
        using (var response = await anonymous.PostAsync($"{Leden(team.Id)}?handler=Revoke", new { invitationId = id }))
            Expect.RedirectToSignIn(response);

        // Another project's facilitator: not through this project (403), nor through their own (404).
        using var outsider = await factory.SignInAsync(other.Facilitator.Email!);
        using (var response = await outsider.PostAsync($"{Leden(team.Id)}?handler=Revoke", new { invitationId = id }))
            Expect.Status(HttpStatusCode.Forbidden, response);
        using (var response = await outsider.PostAsync($"{Leden(other.Id)}?handler=Revoke", new { invitationId = id }))
            Expect.Status(HttpStatusCode.NotFound, response);

        foreach (var bad in new[] { "0", "-1", "999999999", "abc", TestData.Script, TestData.Long(5000) })
        {
            using var response = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Revoke", new { invitationId = bad });
            Expect.Status(HttpStatusCode.NotFound, response, "invitationId " + bad[..Math.Min(bad.Length, 20)]);
        }
        using (var response = await facilitator.PostAsync("/projecten/999999/leden?handler=Revoke", new { invitationId = id }))
            Expect.Status(HttpStatusCode.NotFound, response);

        // Still works.
        Assert.Null(await factory.WithDbAsync(db => db.Invitations.Where(i => i.Id == id).Select(i => i.RevokedAt).SingleAsync()));
        var joiner = await factory.Data.UserAsync();
        using var joining = await factory.SignInAsync(joiner.Email!);
        using (var response = await joining.PostAsync(link, new { Perspective = "Experience" }))
            Expect.Redirect(response, $"/projecten/{team.Id}");
    }
}
